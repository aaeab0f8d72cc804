"""What a raw SQL statement does, read with regular expressions.

Legacy scripts run SQL strings (``migrate_engine.execute("ALTER TABLE
...")``) and ship ``.sql`` scripts; both are classified here into the same
operation kinds as the Python API calls, so one set of rules covers them.
This is no SQL parser: it recognises the statement shapes migrations use
and says nothing about the others.
"""
import dataclasses
import re

_FLAGS = re.IGNORECASE | re.DOTALL
_COMMENT = re.compile(r'--[^\n]*|/\*.*?\*/', re.DOTALL)
# `?` stands for a name the script fills in at run time.
_NAME = r'[`"\[]?(?P<name>[\w.$?]+)[`"\]]?'
_IF_NOT_EXISTS = r'(?P<guard>IF\s+NOT\s+EXISTS\s+)?'
_IF_EXISTS = r'(?P<guard>IF\s+EXISTS\s+)?'

# (kind, pattern) tried in order; the first match classifies the statement.
_SHAPES = [
    ('create_table', r'^CREATE\s+(?:TEMPORARY\s+)?TABLE\s+' + _IF_NOT_EXISTS
     + _NAME),
    ('create_index', r'^CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?'
     + _IF_NOT_EXISTS + r'(?P<name>(?!ON\b)[\w.$`"]+)?'),
    ('drop_table', r'^DROP\s+(?:TABLE|VIEW|SEQUENCE|TYPE)\s+' + _IF_EXISTS
     + _NAME),
    ('drop_index', r'^DROP\s+INDEX\s+(?:CONCURRENTLY\s+)?' + _IF_EXISTS
     + _NAME),
    ('rename_table', r'^(?:RENAME\s+TABLE|ALTER\s+TABLE\s+\S+\s+RENAME\s+'
     r'(?:TO|AS)\b)\s*' + _NAME),
    ('rename_index', r'^ALTER\s+INDEX\s+' + _NAME + r'\s+RENAME\b'),
    ('rename_index', r'^ALTER\s+TABLE\s+\S+\s+RENAME\s+(?:INDEX|KEY)\s+'
     + _NAME),
    ('rename_column', r'^ALTER\s+TABLE\s+\S+\s+(?:RENAME\s+(?:COLUMN\s+)?'
     r'(?!TO\b)|CHANGE\s+(?:COLUMN\s+)?)' + _NAME),
    ('alter_type', r'^ALTER\s+TABLE\s+\S+\s+ALTER\s+(?:COLUMN\s+)?' + _NAME
     + r'\s+(?:SET\s+DATA\s+)?TYPE\b'),
    ('alter_type', r'^ALTER\s+TABLE\s+\S+\s+MODIFY\s+(?:COLUMN\s+)?'
     + _NAME),
    ('create_constraint', r'^ALTER\s+TABLE\s+\S+\s+ADD\s+' + _IF_NOT_EXISTS
     + r'(?:CONSTRAINT\s+' + _NAME + r'|PRIMARY\s+KEY|(?P<unnamed>UNIQUE'
     r'(?:\s+(?:KEY|INDEX))?|FOREIGN\s+KEY|CHECK)\s*(?P<key>\w+)?)'),
    ('create_index', r'^ALTER\s+TABLE\s+\S+\s+ADD\s+(?:INDEX|KEY)\s+'
     + _IF_NOT_EXISTS + r'(?P<name>(?!\()[\w.$`"]+)?'),
    ('drop_constraint', r'^ALTER\s+TABLE\s+\S+\s+DROP\s+(?:CONSTRAINT|'
     r'FOREIGN\s+KEY|INDEX|KEY|PRIMARY\s+KEY)\s*' + _IF_EXISTS
     + r'(?P<name>[\w.$`"]+)?'),
    ('drop_column', r'^ALTER\s+TABLE\s+\S+\s+DROP\s+(?:COLUMN\s+)?'
     + _IF_EXISTS + _NAME),
    ('add_column', r'^ALTER\s+TABLE\s+\S+\s+ADD\s+(?:COLUMN\s+)?'
     + _IF_NOT_EXISTS + _NAME),
    ('insert', r'^(?:INSERT|REPLACE)\b'),
    ('update', r'^UPDATE\s+' + _NAME),
    ('delete', r'^DELETE\b'),
]
_SHAPES = [(kind, re.compile(pattern, _FLAGS)) for kind, pattern in _SHAPES]

_SAFE_INSERT = re.compile(
    r'^REPLACE\b|^INSERT\s+(?:OR\s+(?:IGNORE|REPLACE)|IGNORE)\b|'
    r'\bON\s+CONFLICT\b|\bON\s+DUPLICATE\s+KEY\b|\bWHERE\s+NOT\s+EXISTS\b|'
    r'\bNOT\s+IN\s*\(\s*SELECT\b', _FLAGS)
_NONDETERMINISTIC = re.compile(
    r'\b(?:NOW|UUID|RAND|RANDOM|GEN_RANDOM_UUID|UUID_GENERATE_V[14]|'
    r'SYSDATE|UTC_TIMESTAMP|NEWID)\s*\(|\bCURRENT_TIMESTAMP\b|'
    r'\bLOCALTIMESTAMP\b', re.IGNORECASE)
_SET_CLAUSE = re.compile(r'\bSET\s+(?P<assignments>.*?)(?:\bWHERE\b|$)',
                         _FLAGS)
_ARITHMETIC = re.compile(r'[-+*/]|\|\||\bCONCAT\s*\(', re.IGNORECASE)
# Inline constraints of CREATE TABLE that have no CONSTRAINT name (MySQL's
# `UNIQUE KEY name (...)` is named).
_UNNAMED_INLINE = re.compile(
    r'\bUNIQUE\b(?!\s+(?:KEY|INDEX)\s+\w)|\bFOREIGN\s+KEY\b|'
    r'\bREFERENCES\b', re.IGNORECASE)
_NAMED_CONSTRAINT = re.compile(
    r'\bCONSTRAINT\s+\S+\s+(?:UNIQUE|FOREIGN\s+KEY)[^,]*', re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class Statement(object):
    """One classified statement: ``kind`` is an operation kind or None."""

    text: str
    line: int
    kind: str = None
    target: str = None
    guarded: bool = False
    unnamed: bool = False
    relative: tuple = ()
    nondeterministic: bool = False


def split(sql, first_line=1):
    """Yield (line, text) for each statement of ``sql``.

    Comments are dropped; semicolons inside quotes do not split.
    """
    # Comments go first (a quote in `-- don't` must not open a string);
    # their newlines stay so line numbers stay right.
    sql = _COMMENT.sub(lambda match: '\n' * match.group().count('\n'), sql)
    start, quote = 0, None
    for position, char in enumerate(sql):
        if quote:
            quote = None if char == quote else quote
        elif char in '\'"`':
            quote = char
        elif char == ';':
            yield from _statement(sql, start, position, first_line)
            start = position + 1
    yield from _statement(sql, start, len(sql), first_line)


def _statement(sql, start, end, first_line):
    chunk = sql[start:end]
    text = ' '.join(chunk.split())
    if text:
        # The line the statement starts on, not the blank lines before it.
        offset = start + len(chunk) - len(chunk.lstrip())
        yield first_line + sql.count('\n', 0, offset), text


def classify(text, line=1):
    """Return the :class:`Statement` for one statement's ``text``."""
    for kind, pattern in _SHAPES:
        match = pattern.match(text)
        if match:
            return _describe(kind, match, text, line)
    return Statement(text, line)


def _describe(kind, match, text, line):
    groups = match.groupdict()
    name = groups.get('name') or groups.get('key')
    name = None if name and '?' in name else name
    return Statement(
        text, line, kind, name.strip('`"[]') if name else None,
        guarded=bool(groups.get('guard')) or (
            kind == 'insert' and bool(_SAFE_INSERT.search(text))),
        unnamed=_unnamed(kind, groups, text), relative=_relative(kind, text),
        nondeterministic=kind in ('insert', 'update') and bool(
            _NONDETERMINISTIC.search(text)))


def _unnamed(kind, groups, text):
    if kind == 'create_constraint':
        return bool(groups.get('unnamed')) and not groups.get('key')
    if kind == 'create_index':
        return not groups.get('name')
    if kind == 'create_table':
        return bool(_UNNAMED_INLINE.search(_NAMED_CONSTRAINT.sub('', text)))
    return False


def _relative(kind, text):
    """Columns an UPDATE computes from their own value (``x = x + 1``)."""
    match = _SET_CLAUSE.search(text) if kind == 'update' else None
    if not match:
        return ()
    columns = []
    for assignment in _split_commas(match.group('assignments')):
        column, _sep, value = assignment.partition('=')
        column = column.strip().strip('`"').split('.')[-1]
        mentioned = re.search(r'(?<![\w\'"])%s(?![\w\'"])' % re.escape(
            column), value) if column else None
        if mentioned and _ARITHMETIC.search(value):
            columns.append(column)
    return tuple(columns)


def _split_commas(text):
    depth, start = 0, 0
    for position, char in enumerate(text):
        depth += {'(': 1, ')': -1}.get(char, 0)
        if char == ',' and depth == 0:
            yield text[start:position]
            start = position + 1
    yield text[start:]
