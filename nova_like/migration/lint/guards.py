"""Guards: the checks that make a second run of a script find its work done.

A guard is recognised by what its test asks, not by how it is spelled, so
the forms real scripts use all count: ``hasattr(t.c, 'x')``, ``'x' in
t.c``, ``migrate_engine.has_table()``, inspector ``has_table`` /
``get_columns`` / ``get_indexes`` / ``get_unique_constraints`` /
``get_foreign_keys``, oslo.db ``index_exists*``, a loop over ``t.indexes``,
a helper of the script that asks one of those, a variable holding any of
their answers, ``if ...: return`` before the work, and ``try``/``except``
around the specific duplicate error.  A dialect test (``if
migrate_engine.name == 'mysql':``) asks none of this and guards nothing, but
guards inside its branches count.

Three kinds of guard: ``EXISTS`` (the object is or is not there), ``TYPE``
(the current type of a column was looked at) and ``DATA`` (rows were
queried first).
"""
import ast
import re

from nova_like.migration.lint import astutil

EXISTS = 'exists'
TYPE = 'type'
DATA = 'data'

EXIST_CALLS = frozenset([
    'hasattr', 'has_table', 'has_index', 'has_sequence', 'has_schema',
    'get_table_names', 'get_columns', 'get_indexes',
    'get_unique_constraints', 'get_foreign_keys', 'get_pk_constraint',
    'get_check_constraints', 'get_view_names', 'index_exists',
    'index_exists_on_columns', 'exists', 'table_exists', 'column_exists',
    'contains_column',
])
DATA_CALLS = frozenset([
    'select', 'exists', 'count', 'scalar', 'first', 'fetchone', 'fetchall',
    'one', 'one_or_none', 'scalar_one', 'scalar_one_or_none', 'query',
])
# Collections of a reflected table or MetaData: asking them is a probe.
COLLECTION_ATTRS = frozenset([
    'c', 'columns', 'indexes', 'constraints', 'foreign_keys',
    'foreign_key_constraints', 'tables', 'primary_key',
])
_COLLECTION_METHODS = frozenset(['keys', 'get', 'values', 'items'])
# The errors a second CREATE/INSERT raises; `except Exception:` (or a bare
# except) hides every other failure too, so it is no guard.
SPECIFIC_ERRORS = frozenset([
    'IntegrityError', 'OperationalError', 'ProgrammingError',
    'InternalError', 'DBDuplicateEntry', 'DBError', 'DBNonExistentTable',
    'DBNonExistentConstraint', 'DBNonExistentIndex', 'NoSuchTableError',
    'NoSuchColumnError', 'DuplicateKeyError',
])
# SQL that reads the catalog asks what exists, some of it what type it is.
_CATALOG_SQL = re.compile(
    r'information_schema|pg_catalog|pg_class|pg_index|pg_attribute|'
    r'sqlite_master|table_info|index_list|\bSHOW\s+(?:FULL\s+)?'
    r'(?:TABLES|COLUMNS|INDEX|KEYS|CREATE)\b', re.IGNORECASE)
_TYPE_SQL = re.compile(
    r'\b(?:data_type|column_type|udt_name|format_type|table_info)\b|'
    r'\bSHOW\s+(?:FULL\s+)?COLUMNS\b', re.IGNORECASE)


def is_collection(node, taint=None):
    """True for ``t.c``, ``t.indexes``, ``meta.tables``, ``t.c.keys()``..."""
    if isinstance(node, ast.Attribute):
        return node.attr in COLLECTION_ATTRS
    if isinstance(node, ast.Call) and astutil.call_name(
            node) in _COLLECTION_METHODS:
        return is_collection(astutil.receiver(node), taint)
    return isinstance(node, ast.Name) and EXISTS in (taint or {}).get(
        node.id, ())


class Probes(object):
    """Which expressions of one function ask the database something.

    ``taint`` maps each local name to the guard kinds of what it holds, so
    ``columns = [c['name'] for c in insp.get_columns('t')]`` followed by
    ``if 'x' not in columns:`` is an existence guard.

    :param helpers: {name: kinds} of the script's own probe functions.
    """

    def __init__(self, function, helpers=None):
        self.helpers = helpers or {}
        self.taint = {}
        bindings = list(astutil.assignments(function))
        changed = True
        while changed:
            changed = False
            for names, value in bindings:
                kinds = self.kinds(value)
                for name in names:
                    known = self.taint.get(name, frozenset())
                    if not kinds <= known:
                        self.taint[name] = known | kinds
                        changed = True

    def mark(self, names, kinds):
        """Record that ``names`` were bound where ``kinds`` guards held."""
        for name in names:
            self.taint[name] = self.taint.get(name, frozenset()) | kinds

    def kinds(self, expression):
        """The guard kinds a test (or a bound value) carries."""
        found = set()
        if is_collection(expression, self.taint):
            # Iterating t.indexes visits what exists.
            found.add(EXISTS)
        for node in astutil.walk_local(expression):
            found.update(self._node_kinds(node))
        return frozenset(found)

    def _node_kinds(self, node):
        if isinstance(node, ast.Call):
            return self._call_kinds(node)
        if isinstance(node, ast.Compare) and any(
                isinstance(op, (ast.In, ast.NotIn)) for op in node.ops):
            return {EXISTS} if any(is_collection(item, self.taint)
                                   for item in node.comparators) else ()
        if isinstance(node, ast.comprehension):
            return {EXISTS} if is_collection(node.iter, self.taint) else ()
        if isinstance(node, ast.Attribute) and node.attr == 'type' or \
                isinstance(node, ast.Subscript) and \
                astutil.string(node.slice) == 'type':
            return {TYPE}
        if isinstance(node, ast.Name):
            return self.taint.get(node.id, ())
        return _sql_kinds(astutil.string(node))

    def _call_kinds(self, call):
        name = astutil.call_name(call)
        kinds = set()
        if name in EXIST_CALLS or (name == 'getattr' and len(call.args) == 3):
            kinds.add(EXISTS)
        if name in DATA_CALLS:
            kinds.add(DATA)
        if name == 'len' and call.args and is_collection(call.args[0],
                                                         self.taint):
            kinds.add(EXISTS)
        if name in _COLLECTION_METHODS and is_collection(
                astutil.receiver(call), self.taint):
            kinds.add(EXISTS)
        if isinstance(call.func, ast.Name):
            kinds.update(self.helpers.get(name, ()))
        return kinds


def helper_kinds(functions):
    """{name: kinds} of the script's functions that ask the database.

    ``def _index_exists(...)`` returning an inspector answer makes
    ``if not _index_exists(...):`` a guard.
    """
    answering = {name: function for name, function in functions.items()
                 if any(isinstance(node, ast.Return) and node.value is not
                        None for node in astutil.walk_local(function))}
    kinds = {}
    for _round in range(2):
        # Twice: a helper may ask through another helper.
        for name, function in answering.items():
            found = Probes(function, kinds).kinds(function)
            if found:
                kinds[name] = found
    return kinds


def try_kinds(node):
    """Guard kinds of a ``try`` catching the specific duplicate error."""
    for handler in node.handlers:
        names = _exception_names(handler.type)
        reraises = all(isinstance(stmt, ast.Raise) for stmt in handler.body)
        if names and names <= SPECIFIC_ERRORS and not reraises:
            return frozenset([EXISTS, DATA])
    return frozenset()


def _exception_names(node):
    if node is None:
        return set()
    items = node.elts if isinstance(node, ast.Tuple) else [node]
    return {(astutil.dotted(item) or '').rsplit('.', 1)[-1]
            for item in items}


def _sql_kinds(text):
    if not text or not _CATALOG_SQL.search(text):
        return ()
    return (EXISTS, TYPE) if _TYPE_SQL.search(text) else (EXISTS,)


def exits(statements):
    """True when a block can leave the function (or end the loop turn).

    ``if exists: return`` and ``for fk in get_foreign_keys(t): if ...:
    return`` both guard what follows them.
    """
    if statements and isinstance(statements[-1], (ast.Continue, ast.Break)):
        return True
    return any(isinstance(node, ast.Return) for statement in statements
               for node in astutil.walk_local(statement))
