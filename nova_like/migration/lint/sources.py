"""The script files one lint run reads, each read and parsed at most once.

One :class:`Sources` per run, handed to the rules: no cache outlives the
run, so a file edited between two runs is read again.
"""
import ast

from nova_like.migration import script_source


class Sources(object):
    """Bytes and ASTs of the files of one lint run."""

    def __init__(self):
        self._python = {}
        self._data = {}

    def python(self, path):
        """The :class:`script_source.PythonSource` of ``path``."""
        if path not in self._python:
            self._python[path] = script_source.PythonSource(
                path, self.data(path))
        return self._python[path]

    def data(self, path):
        """The bytes of ``path``."""
        if path not in self._data:
            with open(path, 'rb') as source_file:
                self._data[path] = source_file.read()
        return self._data[path]

    def text(self, path):
        return self.data(path).decode('utf-8', 'replace')

    def syntax_error(self, path):
        """(line, message) of the SyntaxError of ``path``, or None."""
        if self.python(path).tree is not None:
            return None
        try:
            ast.parse(self.data(path), filename=path)
        except SyntaxError as error:
            return error.lineno or 1, '%s: %s' % (
                type(error).__name__, error.msg)
        except ValueError as error:
            return 1, str(error)
        return None
