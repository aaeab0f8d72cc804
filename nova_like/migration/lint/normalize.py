"""Content fingerprints that ignore what does not change behaviour.

A script's fingerprint is taken over its AST with docstrings removed, so
comment, docstring and whitespace edits ("trivial modifications") keep it
and structural edits change it.  The AST is written out by our own walk,
not :func:`ast.dump`, whose output changes between Python versions (3.13
leaves out empty fields): a lock file written on one interpreter must still
match on the next.  SQL scripts are fingerprinted with comments and
whitespace runs removed.
"""
import ast
import hashlib
import re

_SQL_COMMENT = re.compile(r'--[^\n]*|/\*.*?\*/', re.DOTALL)
_DOCUMENTED = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def canonical(tree):
    """A stable text form of ``tree`` without docstrings or positions."""
    parts = []
    _write(tree, parts)
    return ''.join(parts)


def python_fingerprint(data):
    """SHA-256 of the canonical AST of ``data`` (bytes of a ``.py`` file).

    Source that does not parse is fingerprinted byte for byte.
    """
    try:
        tree = ast.parse(data)
    except (SyntaxError, ValueError):
        return 'raw-' + hashlib.sha256(data).hexdigest()
    return hashlib.sha256(canonical(tree).encode('utf-8')).hexdigest()


def sql_fingerprint(data):
    """SHA-256 of SQL text with comments and whitespace runs removed."""
    text = _SQL_COMMENT.sub(' ', data.decode('utf-8', 'replace'))
    text = ' '.join(text.split())
    return hashlib.sha256(text.encode('utf-8')).hexdigest()


def fingerprint(path, data):
    """The fingerprint of the file at ``path`` holding ``data``."""
    if path.endswith('.sql'):
        return sql_fingerprint(data)
    return python_fingerprint(data)


def _body(node, value):
    """``value`` (a node's ``body``) without its docstring."""
    if isinstance(node, _DOCUMENTED) and value and _is_docstring(value[0]):
        # An emptied body is still a body: `def f(): "doc"` == `pass`.
        return value[1:] or [ast.Pass()]
    return value


def _is_docstring(node):
    return isinstance(node, ast.Expr) and isinstance(
        node.value, ast.Constant) and isinstance(node.value.value, str)


def _write(node, parts):
    if isinstance(node, ast.AST):
        parts.append(type(node).__name__ + '(')
        for name in node._fields:
            value = getattr(node, name, None)
            if name == 'body':
                value = _body(node, value)
            # Fields a newer Python adds are empty in old code: skip empty
            # values so both interpreters write the same text.
            if value is None or value == []:
                continue
            parts.append(name + '=')
            _write(value, parts)
            parts.append(',')
        parts.append(')')
    elif isinstance(node, list):
        parts.append('[')
        for item in node:
            _write(item, parts)
            parts.append(',')
        parts.append(']')
    else:
        parts.append(repr(node))
