"""Static facts about a version script's source: checksum, no-op, functions.

Read with :mod:`ast`, never imported: placeholders must cost almost nothing
and listing a repository must not execute anyone's code.
"""
import ast
import functools
import hashlib


def file_checksum(path):
    """SHA-256 hex digest of the file at ``path``."""
    with open(path, 'rb') as source_file:
        return hashlib.sha256(source_file.read()).hexdigest()


def sql_problem(path):
    """Why the ``.sql`` file at ``path`` cannot be read as text, or None."""
    try:
        with open(path, encoding='utf-8') as sql_file:
            sql_file.read()
    except (OSError, UnicodeDecodeError) as error:
        return 'cannot read SQL script %s: %s' % (path, error)
    return None


class PythonSource(object):
    """The text of one ``.py`` version script."""

    def __init__(self, path, data):
        self.path = path
        self.data = data

    @classmethod
    def from_file(cls, path):
        with open(path, 'rb') as source_file:
            return cls(path, source_file.read())

    @functools.cached_property
    def checksum(self):
        return hashlib.sha256(self.data).hexdigest()

    @functools.cached_property
    def _parsed(self):
        try:
            return ast.parse(self.data, filename=self.path), None
        except SyntaxError as error:
            return None, 'version script %s does not compile: line %s: %s' % (
                self.path, error.lineno, error.msg)
        except ValueError as error:
            return None, 'version script %s does not compile: %s' % (
                self.path, error)

    @property
    def tree(self):
        """The module's AST, or None when it does not parse."""
        return self._parsed[0]

    @property
    def syntax_error(self):
        """Why the module does not parse, naming the file; or None."""
        return self._parsed[1]

    def function(self, name):
        """The module-level ``def name`` node, or None."""
        for node in getattr(self.tree, 'body', ()):
            if isinstance(node, ast.FunctionDef) and node.name == name:
                return node
        return None

    @functools.cached_property
    def declares_backportable(self):
        """A module-level ``BACKPORTABLE = True``."""
        for node in getattr(self.tree, 'body', ()):
            if isinstance(node, ast.Assign) and any(
                    isinstance(target, ast.Name) and
                    target.id == 'BACKPORTABLE' for target in node.targets):
                return isinstance(node.value, ast.Constant) and \
                    node.value.value is True
        return False

    def constant(self, name, default=None):
        """The literal value of a module-level ``NAME = ...``, or ``default``.

        :raises ValueError: the value is not a literal (it would have to be
            imported to be known).
        """
        for node in getattr(self.tree, 'body', ()):
            if isinstance(node, ast.Assign) and any(
                    isinstance(target, ast.Name) and target.id == name
                    for target in node.targets):
                return ast.literal_eval(node.value)
        return default

    def defines(self, name):
        return self.function(name) is not None

    @functools.cached_property
    def is_noop(self):
        """True when the module only imports and defines empty functions.

        Then running it cannot touch the database, so the runner may record
        it without importing it (a placeholder).
        """
        if self.tree is None or not self.defines('upgrade'):
            return False
        return all(_is_inert(node) for node in self.tree.body)


def _is_inert(node):
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return True
    if _is_docstring(node):
        return True
    if isinstance(node, ast.FunctionDef):
        return all(_is_empty_statement(stmt) for stmt in node.body)
    return False


def _is_docstring(node):
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)


def _is_empty_statement(node):
    if isinstance(node, ast.Pass) or _is_docstring(node):
        return True
    return isinstance(node, ast.Return) and (
        node.value is None or (isinstance(node.value, ast.Constant) and
                               node.value.value is None))
