"""What the names of one script function stand for.

Flow-insensitive and deliberately simple: a name bound anywhere in the
function to ``Table(...)`` is a table, to a string is SQL text, to a value
built from ``uuid4()`` is non-deterministic.  That is how migration scripts
are written: straight-line code, each name bound once.
"""
import ast
import re

from nova_like.migration.lint import astutil
from nova_like.migration.lint import guards

# Constructor or factory -> the kind of schema object it makes.
CONSTRUCTORS = {
    'Table': 'table', 'get_table': 'table',
    'Column': 'column',
    'Index': 'index',
    'UniqueConstraint': 'constraint', 'ForeignKeyConstraint': 'constraint',
    'PrimaryKeyConstraint': 'constraint', 'CheckConstraint': 'constraint',
}
_ELEMENT_OF = {'c': 'column', 'columns': 'column', 'indexes': 'index',
               'constraints': 'constraint', 'foreign_keys': 'constraint',
               'sorted_tables': 'table'}
NONDETERMINISTIC_CALLS = frozenset([
    'now', 'utcnow', 'today', 'utcnow_ts', 'uuid1', 'uuid4',
    'generate_uuid', 'current_timestamp', 'localtimestamp', 'sysdate',
    'gen_random_uuid', 'uuid_generate_v4', 'rand', 'random', 'randint',
    'randrange', 'token_hex', 'token_urlsafe',
])
# Placeholders of %-formatting and str.format(): the value is unknown.
_PERCENT = re.compile(r'%(?:\(\w+\))?[sdr]')
_BRACES = re.compile(r'\{[^{}]*\}')
_NONDETERMINISTIC_SQL = re.compile(
    r'\b(?:NOW|UUID|RAND|RANDOM)\s*\(|\bCURRENT_TIMESTAMP\b', re.IGNORECASE)


class Scope(object):
    """Facts about the names of ``function`` (an ``ast.FunctionDef``)."""

    def __init__(self, function, helpers=None, constants=None):
        self.function = function
        self.probes = guards.Probes(function, helpers)
        self.parents = {child: node for node in astutil.walk_local(function)
                        for child in ast.iter_child_nodes(node)}
        bindings = list(astutil.assignments(function))
        self.kinds, self.targets = {}, {}
        self.strings = dict(constants or {})
        self.random = set()
        for _round in range(2):
            # Twice: `for t in tables` may come before `tables = [...]`.
            for names, value in bindings:
                self._bind(names, value)

    def _bind(self, names, value):
        iterated = self._iterated(value)
        kind = self._element_kind(value) if iterated else self.kind_of(value)
        elements = None if iterated else self._element_kind(value)
        text = self.sql_text(value)
        for name in names:
            if kind:
                self.kinds[name] = kind
            if elements and isinstance(value, (ast.Tuple, ast.List)):
                # Remembered for a later `for table in tables:`.
                self.kinds['[]' + name] = elements
            if not iterated and self.target_of(value):
                self.targets[name] = self.target_of(value)
            if text is not None:
                self.strings[name] = text
            if self.is_random(value):
                self.random.add(name)

    def _iterated(self, value):
        # The binding of a for-loop target: its parent is the loop.
        parent = self.parents.get(value)
        return isinstance(parent, (ast.For, ast.comprehension)) and \
            parent.iter is value

    def kind_of(self, node):
        """'table', 'column', 'index', 'constraint' or None."""
        if isinstance(node, ast.Call):
            name = astutil.call_name(node)
            if name in CONSTRUCTORS:
                return CONSTRUCTORS[name]
            if name == 'copy':
                return self.kind_of(astutil.receiver(node))
            return None
        if isinstance(node, (ast.Attribute, ast.Subscript)):
            owner = node.value
            if isinstance(owner, ast.Attribute) and owner.attr in (
                    'c', 'columns'):
                return 'column'
            if isinstance(owner, ast.Attribute) and owner.attr == 'tables':
                return 'table'
            return None
        if isinstance(node, ast.Name):
            return self.kinds.get(node.id)
        return None

    def _element_kind(self, node):
        if isinstance(node, (ast.Tuple, ast.List)):
            kinds = {self.kind_of(item) for item in node.elts}
            return kinds.pop() if len(kinds) == 1 else None
        if isinstance(node, ast.Attribute):
            return _ELEMENT_OF.get(node.attr)
        if isinstance(node, ast.Name):
            return self.kinds.get('[]' + node.id)
        return None

    def target_of(self, node):
        """The name of the schema object ``node`` stands for, if known."""
        if isinstance(node, ast.Call) and astutil.call_name(
                node) in CONSTRUCTORS:
            return self._constructed_name(node)
        if isinstance(node, ast.Attribute) and self.kind_of(node) == 'column':
            return node.attr
        if isinstance(node, ast.Subscript):
            return astutil.string(node.slice)
        if isinstance(node, ast.Name):
            return self.targets.get(node.id)
        return None

    def _constructed_name(self, call):
        name = astutil.call_name(call)
        if CONSTRUCTORS[name] == 'constraint':
            # Their positional arguments are columns, not a name.
            return self._name(astutil.keyword(call, 'name'))
        position = 1 if name == 'get_table' else 0
        if len(call.args) > position:
            return self._name(call.args[position])
        return None

    def _name(self, node):
        if isinstance(node, ast.Name):
            return self.strings.get(node.id)
        return astutil.string(node)

    def sql_text(self, node):
        """The SQL a string expression holds, placeholders as ``?``."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.JoinedStr):
            return ''.join(astutil.string(part) or '?'
                           for part in node.values)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            text = self.sql_text(node.left)
            return _PERCENT.sub('?', text) if text is not None else None
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = self.sql_text(node.left), self.sql_text(node.right)
            return (left or '?') + (right or '?') if left or right else None
        if isinstance(node, ast.Call) and astutil.call_name(
                node) == 'format':
            text = self.sql_text(astutil.receiver(node))
            return _BRACES.sub('?', text) if text is not None else None
        if isinstance(node, ast.Name):
            return self.strings.get(node.id)
        return None

    def is_random(self, node):
        """True when ``node`` computes a non-deterministic value."""
        for child in astutil.walk_local(node):
            if isinstance(child, ast.Call) and (
                    astutil.call_name(child) in NONDETERMINISTIC_CALLS or
                    astutil.dotted(child.func) == 'time.time'):
                return True
            if isinstance(child, ast.Name) and child.id in self.random:
                return True
            text = astutil.string(child)
            if text and _NONDETERMINISTIC_SQL.search(text):
                return True
        return False

    def statement_of(self, node):
        """The statement that holds ``node``."""
        while not isinstance(node, ast.stmt):
            node = self.parents[node]
        return node
