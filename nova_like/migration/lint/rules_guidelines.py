"""NL207-NL209: migration guidelines that hold for every script.

* a placeholder (``NNN_placeholder.py``) stays a pure no-op unless it is a
  recorded backport slot;
* where the repository asks for it (``[lint] require_downgrade``), each
  structural change of ``upgrade()`` is undone by ``downgrade()``;
* no script imports the application's live models.
"""
import ast
import os

from nova_like.migration.lint import findings
from nova_like.migration.lint import operations
from nova_like.migration.lint import walker

_INVERSE = {
    'create_table': 'drop_table', 'drop_table': 'create_table',
    'add_column': 'drop_column', 'drop_column': 'add_column',
    'create_index': 'drop_index', 'drop_index': 'create_index',
    'create_constraint': 'drop_constraint',
    'drop_constraint': 'create_constraint',
    'rename_table': 'rename_table', 'rename_column': 'rename_column',
    'rename_index': 'rename_index', 'alter_type': 'alter_type',
}


def check(script, repository, lint_settings, sources):
    """Guideline findings for one script."""
    found = []
    if script.py_path:
        path = script.py_path
        if script.is_placeholder and not script.is_noop and \
                script.version not in repository.releases.backports:
            found.extend(_with_tree(path, sources, _placeholder))
        if _mentions_models(sources.data(path), lint_settings):
            found.extend(_with_tree(path, sources, _models_imports,
                                    lint_settings.models_modules))
    if lint_settings.wants_downgrade(script.version) and not script.is_noop:
        found.extend(_reversibility(script, sources))
    return found


def _with_tree(path, sources, rule, *args):
    error = sources.syntax_error(path)
    if error:
        return [findings.Finding.make(path, error[0], 'NL001', error[1])]
    return list(rule(path, sources.python(path).tree, *args))


def _placeholder(path, tree):
    yield findings.Finding.make(
        path, _first_action(tree), 'NL207',
        '%s is named as a placeholder but is not a pure no-op, and '
        'releases.cfg records no backport for it' % os.path.basename(path))


def _first_action(tree):
    """The line of the first statement that does something."""
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)) or _is_doc(node):
            continue
        if isinstance(node, ast.FunctionDef):
            busy = [stmt for stmt in node.body if not _is_doc(stmt) and
                    not isinstance(stmt, (ast.Pass, ast.Return))]
            if not busy:
                continue
            return busy[0].lineno
        return node.lineno
    return 1


def _is_doc(node):
    return isinstance(node, ast.Expr) and isinstance(node.value,
                                                     ast.Constant)


def _mentions_models(data, lint_settings):
    # Cheap test first: most scripts never spell the module's last name.
    return any(module.rsplit('.', 1)[-1].encode() in data
               for module in lint_settings.models_modules)


def _models_imports(path, tree, modules):
    for node in ast.walk(tree):
        for imported in _imported(node):
            if any(imported == module or imported.startswith(module + '.')
                   for module in modules):
                yield findings.Finding.make(
                    path, node.lineno, 'NL209',
                    'imports %s, the live models of the application' %
                    imported)
                break


def _imported(node):
    """Full names of the modules (or module members) an import binds."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.module and not node.level:
        return [node.module] + ['%s.%s' % (node.module, alias.name)
                                for alias in node.names]
    return []


def _reversibility(script, sources):
    if not script.py_path:
        return [findings.Finding.make(
            path, 1, 'NL208', 'no matching downgrade .sql script')
            for (dialect, operation), path in sorted(script.sql_paths.items())
            if operation == 'upgrade' and
            (dialect, 'downgrade') not in script.sql_paths]
    return _with_tree(script.py_path, sources, _python_inverse)


def _python_inverse(path, tree):
    functions = {node.name: node for node in tree.body
                 if isinstance(node, ast.FunctionDef)}
    upgrade = functions.get('upgrade')
    downgrade = functions.get('downgrade')
    line = upgrade.lineno if upgrade else 1
    if downgrade is None:
        yield findings.Finding.make(path, line, 'NL208',
                                    'upgrade() has no downgrade()')
        return
    if all(_is_doc(stmt) or isinstance(stmt, (ast.Pass, ast.Raise))
           for stmt in downgrade.body):
        yield findings.Finding.make(
            path, downgrade.lineno, 'NL208',
            'downgrade() does nothing or only raises')
        return
    undone = walker.extract(tree, 'downgrade')
    for operation in walker.extract(tree, 'upgrade'):
        if operation.kind in _INVERSE and not _is_undone(operation, undone):
            yield findings.Finding.make(
                path, operation.line, 'NL208',
                'upgrade() %s%s but downgrade() never undoes it' % (
                    _verb(operation.kind), " '%s'" % operation.target
                    if operation.target else ''))


def _verb(kind):
    if kind == 'alter_type':
        return 'changes the type of column'
    # create_table -> "creates table", add_column -> "adds column"...
    return '%ss %s' % (kind.split('_')[0], operations.what(kind))


def _is_undone(operation, undone):
    wanted = _INVERSE[operation.kind]
    # A rename back names the new object: any rename of its kind undoes it.
    by_kind_only = wanted.startswith('rename_')
    return any(other.kind == wanted and (
        by_kind_only or operation.target is None or other.target is None or
        operation.target == other.target) for other in undone)
