"""A normalized, comparable snapshot of a database schema, and its diff.

:func:`snapshot` reflects a database into an immutable :class:`Snapshot`;
:func:`diff` lists what differs between two of them.  Both sides are meant to
come from the same backend (a database migrated by sqlalchemy-migrate and one
migrated by nova_like, or one migrated and one built by ``create_all``), so
normalization removes what the same backend reports differently for equal
schemas (spelling of types and defaults, duplicated reflection of MySQL
unique keys, MySQL's implicit foreign key indexes, SQLite's rowid alias) and
keeps every difference a later migration or the application could notice.

Check constraints, comments, table options and sequences are not compared.
"""
import contextlib
import dataclasses
import json
import re
import typing

import sqlalchemy
from sqlalchemy import types as sqltypes

DEFAULT_EXCLUDE = ('migrate_version', 'nova_like_migrate_history')

_MYSQL_DIALECTS = ('mysql', 'mariadb')

# Reflected type names that are another spelling of a canonical name.
_TYPE_ALIASES = {
    'BIG_INTEGER': 'BIGINT',
    'BYTEA': 'BLOB',
    'CLOB': 'TEXT',
    'DECIMAL': 'NUMERIC',
    'DOUBLE_PRECISION': 'DOUBLE',
    'INT': 'INTEGER',
    'LARGE_BINARY': 'BLOB',
    'NULL': 'NULLTYPE',
    'SMALL_INTEGER': 'SMALLINT',
    'STRING': 'VARCHAR',
    'UNICODE': 'VARCHAR',
    'UNICODE_TEXT': 'TEXT',
}
_TEXT_TYPES = ('TEXT', 'TINYTEXT', 'MEDIUMTEXT', 'LONGTEXT')
_INTEGER_TYPES = ('INTEGER', 'BIGINT', 'SMALLINT', 'TINYINT', 'MEDIUMINT')
# Float precisions PostgreSQL reports for its two float types by default.
_IMPLIED_FLOAT_PRECISION = {'DOUBLE': 53, 'REAL': 24}

_QUOTED_OR_PLAIN = re.compile(r"""('(?:[^']|'')*'|"(?:[^"]|"")*")""")
_STRING_LITERAL = re.compile(
    r"^(?P<prefix>_[A-Za-z0-9]+|[NnEeBb])?'(?P<body>(?:[^']|'')*)'$")
_NUMBER = re.compile(r'^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$')
_CAST_TYPE = re.compile(
    r'^\s*"?[A-Za-z_][\w ."]*(\(\s*\d+(\s*,\s*\d+)?\s*\))?(\[\])*\s*$')
_NOW = re.compile(r'\bCURRENT_TIMESTAMP\b(?:\s*\(\s*(\d*)\s*\))?'
                  r'|\bNOW\s*\(\s*(\d*)\s*\)')
_FALSE_WORDS = ('0', 'F', 'FALSE', 'N', 'NO', 'OFF')
_TRUE_WORDS = ('1', 'T', 'TRUE', 'Y', 'YES', 'ON')


def _render(value):
    """Show one field value the way diff messages print it."""
    if isinstance(value, tuple) and all(
            isinstance(item, tuple) for item in value):
        # Index options: (option, value) pairs.
        return '(%s)' % ', '.join('%s=%s' % pair for pair in value)
    if isinstance(value, tuple):
        return '(%s)' % ', '.join(_render(item) for item in value)
    return str(value)


def _sorted(items):
    """Order schema items by name, then by content; None names last."""
    return tuple(sorted(items, key=lambda item: (
        item.name is None, item.name or '',
        json.dumps(item.as_dict(), sort_keys=True))))


@dataclasses.dataclass(frozen=True)
class Column:
    """One column: canonical type and default, see :func:`normalize_type`."""

    name: str
    type: str
    nullable: bool
    default: typing.Optional[str] = None
    autoincrement: typing.Optional[bool] = None

    def as_dict(self):
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data):
        return cls(**data)

    def describe(self):
        text = '%s %s' % (self.type, 'NULL' if self.nullable else 'NOT NULL')
        if self.default is not None:
            text += ' DEFAULT %s' % self.default
        return text


@dataclasses.dataclass(frozen=True)
class PrimaryKey:
    """The primary key; ``name`` is None where the backend has no name."""

    name: typing.Optional[str] = None
    columns: typing.Tuple[str, ...] = ()

    def as_dict(self):
        return {'name': self.name, 'columns': list(self.columns)}

    @classmethod
    def from_dict(cls, data):
        return cls(data['name'], tuple(data['columns']))


@dataclasses.dataclass(frozen=True)
class Index:
    """An index; ``options`` holds sorted (dialect option, value) pairs."""

    name: typing.Optional[str]
    columns: typing.Tuple[str, ...]
    unique: bool = False
    options: typing.Tuple[typing.Tuple[str, str], ...] = ()

    def as_dict(self):
        return {'name': self.name, 'columns': list(self.columns),
                'unique': self.unique, 'options': dict(self.options)}

    @classmethod
    def from_dict(cls, data):
        return cls(data['name'], tuple(data['columns']), data['unique'],
                   tuple(sorted(data['options'].items())))

    def describe(self):
        text = 'index %s%s' % (_name_part(self.name), _render(self.columns))
        if self.unique:
            text += ' unique'
        return text + ''.join(' %s=%s' % pair for pair in self.options)


@dataclasses.dataclass(frozen=True)
class UniqueConstraint:
    """A unique constraint (on MySQL: every unique key)."""

    name: typing.Optional[str]
    columns: typing.Tuple[str, ...]

    def as_dict(self):
        return {'name': self.name, 'columns': list(self.columns)}

    @classmethod
    def from_dict(cls, data):
        return cls(data['name'], tuple(data['columns']))

    def describe(self):
        return 'unique %s%s' % (_name_part(self.name), _render(self.columns))


@dataclasses.dataclass(frozen=True)
class ForeignKey:
    """A foreign key; actions are None for the backend's default action."""

    name: typing.Optional[str]
    columns: typing.Tuple[str, ...]
    referred_table: str
    referred_columns: typing.Tuple[str, ...]
    ondelete: typing.Optional[str] = None
    onupdate: typing.Optional[str] = None

    def as_dict(self):
        data = dataclasses.asdict(self)
        data['columns'] = list(self.columns)
        data['referred_columns'] = list(self.referred_columns)
        return data

    @classmethod
    def from_dict(cls, data):
        return cls(**dict(data, columns=tuple(data['columns']),
                          referred_columns=tuple(data['referred_columns'])))

    def describe(self):
        text = 'foreign key %s%s -> %s %s' % (
            _name_part(self.name), _render(self.columns),
            self.referred_table, _render(self.referred_columns))
        if self.ondelete:
            text += ' ON DELETE %s' % self.ondelete
        if self.onupdate:
            text += ' ON UPDATE %s' % self.onupdate
        return text


def _name_part(name):
    return '' if name is None else name + ' '


@dataclasses.dataclass(frozen=True)
class Table:
    """One table, its columns in order and its keys and indexes sorted.

    ``implicit_indexes`` (the indexes InnoDB created for foreign keys) are
    kept for the record but take no part in comparisons.
    """

    name: str
    columns: typing.Tuple[Column, ...]
    primary_key: PrimaryKey = PrimaryKey()
    indexes: typing.Tuple[Index, ...] = ()
    unique_constraints: typing.Tuple[UniqueConstraint, ...] = ()
    foreign_keys: typing.Tuple[ForeignKey, ...] = ()
    implicit_indexes: typing.Tuple[Index, ...] = dataclasses.field(
        default=(), compare=False)

    def as_dict(self):
        return {
            'columns': [column.as_dict() for column in self.columns],
            'primary_key': self.primary_key.as_dict(),
            'indexes': [index.as_dict() for index in self.indexes],
            'unique_constraints': [
                unique.as_dict() for unique in self.unique_constraints],
            'foreign_keys': [fkey.as_dict() for fkey in self.foreign_keys],
            'implicit_indexes': [
                index.as_dict() for index in self.implicit_indexes],
        }

    @classmethod
    def from_dict(cls, name, data):
        return cls(
            name=name,
            columns=tuple(Column.from_dict(c) for c in data['columns']),
            primary_key=PrimaryKey.from_dict(data['primary_key']),
            indexes=tuple(Index.from_dict(i) for i in data['indexes']),
            unique_constraints=tuple(UniqueConstraint.from_dict(u)
                                     for u in data['unique_constraints']),
            foreign_keys=tuple(ForeignKey.from_dict(f)
                               for f in data['foreign_keys']),
            implicit_indexes=tuple(Index.from_dict(i)
                                   for i in data['implicit_indexes']))

    def without_names(self):
        """Return this table with constraint and index names removed."""
        def unnamed(items):
            return _sorted(dataclasses.replace(item, name=None)
                           for item in items)
        return dataclasses.replace(
            self, primary_key=dataclasses.replace(self.primary_key, name=None),
            indexes=unnamed(self.indexes),
            unique_constraints=unnamed(self.unique_constraints),
            foreign_keys=unnamed(self.foreign_keys),
            implicit_indexes=unnamed(self.implicit_indexes))


@dataclasses.dataclass(frozen=True)
class Snapshot:
    """The normalized schema of one database; hashable, JSON-serialisable.

    :param dialect: SQLAlchemy dialect name (``sqlite``, ``postgresql``...)
    :param tables: tables sorted by name
    """

    dialect: str
    tables: typing.Tuple[Table, ...] = ()

    def as_dict(self):
        """Return plain dicts and lists, ready for :func:`json.dumps`."""
        return {'dialect': self.dialect,
                'tables': {table.name: table.as_dict()
                           for table in self.tables}}

    @classmethod
    def from_dict(cls, data):
        """Rebuild a snapshot from :meth:`as_dict` output."""
        return cls(data['dialect'], tuple(
            Table.from_dict(name, table)
            for name, table in sorted(data['tables'].items())))

    def table(self, name):
        """Return the table called ``name``; KeyError when there is none."""
        for table in self.tables:
            if table.name == name:
                return table
        raise KeyError(name)

    def without_names(self):
        """Return this snapshot with constraint and index names removed."""
        return dataclasses.replace(self, tables=tuple(
            table.without_names() for table in self.tables))


# Types


def normalize_type(type_):
    """Return the canonical spelling of a reflected SQLAlchemy type.

    Generic and dialect classes of one family get one name (``BYTEA`` and
    ``LargeBinary`` are ``BLOB``, MySQL ``TINYINT(1)`` is ``BOOLEAN``); the
    arguments that change what a column stores are kept (length, precision,
    scale, enum values, unsigned, collation), display widths are not.
    """
    if isinstance(type_, sqltypes.Boolean) or _is_mysql_boolean(type_):
        return 'BOOLEAN'
    if isinstance(type_, sqltypes.ARRAY):
        return normalize_type(type_.item_type) + '[]' * (
            type_.dimensions or 1)
    name = type_.__visit_name__.upper()
    name = _TYPE_ALIASES.get(name, name)
    if isinstance(type_, sqltypes.Enum) or name == 'SET':
        values = getattr(type_, 'enums', None) or type_.values
        return '%s(%s)' % ('SET' if name == 'SET' else 'ENUM', ', '.join(
            "'%s'" % value.replace("'", "''") for value in values))
    if name == 'DOMAIN':
        return 'DOMAIN %s' % type_.name
    return name + _type_arguments(type_, name) + _type_suffix(type_)


def _is_mysql_boolean(type_):
    # MySQL stores BOOLEAN as TINYINT(1) and reflects it that way.
    return (type_.__visit_name__ == 'TINYINT'
            and getattr(type_, 'display_width', None) == 1)


def _type_arguments(type_, name):
    """Return the parenthesised arguments that matter for ``type_``."""
    if isinstance(type_, sqltypes.Float):
        args = [type_.precision, getattr(type_, 'scale', None)]
        if args == [_IMPLIED_FLOAT_PRECISION.get(name), None]:
            args = []
    elif isinstance(type_, sqltypes.Numeric):
        args = [type_.precision, type_.scale]
    elif isinstance(type_, (sqltypes.DateTime, sqltypes.Time)):
        args = [getattr(type_, 'fsp', None) or getattr(
            type_, 'precision', None)]
    elif name in _TEXT_TYPES or name in _INTEGER_TYPES:
        # MySQL display widths and TEXT(n) change nothing that is stored.
        args = []
    else:
        args = [getattr(type_, 'length', None)]
    args = [str(arg) for arg in args if arg is not None]
    return '(%s)' % ','.join(args) if args else ''


def _type_suffix(type_):
    """Return the modifiers written after the type (timezone, charset...)."""
    parts = []
    if getattr(type_, 'timezone', False):
        parts.append('WITH TIME ZONE')
    for attribute, keyword in (('unsigned', 'UNSIGNED'),
                               ('zerofill', 'ZEROFILL')):
        if getattr(type_, attribute, False):
            parts.append(keyword)
    for attribute, keyword in (('charset', 'CHARACTER SET'),
                               ('collation', 'COLLATE')):
        if getattr(type_, attribute, None):
            parts.append('%s %s' % (keyword, getattr(type_, attribute)))
    return ''.join(' ' + part for part in parts)


# Server defaults


def normalize_default(text, type_name=None):
    """Return the canonical spelling of a reflected server default.

    Literals come back single-quoted whatever the backend wrote (``0``,
    ``'0'``, ``(0)`` and ``'0'::integer`` are all ``'0'``); ``NULL`` means no
    default (None); booleans are ``TRUE``/``FALSE`` when ``type_name`` is
    ``BOOLEAN``; expressions keep their text, upper-cased outside quotes with
    ``now()`` and MySQL's ``current_timestamp()`` as ``CURRENT_TIMESTAMP``.

    :param text: the ``default`` string the Inspector returned, or None
    :param type_name: the column's type from :func:`normalize_type`
    """
    if text is None:
        return None
    text = _strip_wrappers(str(text).strip())
    literal = _literal(text)
    if literal is None and text.upper() == 'NULL':
        return None
    if type_name == 'BOOLEAN':
        word = (text if literal is None else literal).upper()
        if word in _FALSE_WORDS or word in _TRUE_WORDS:
            return 'FALSE' if word in _FALSE_WORDS else 'TRUE'
    if literal is not None:
        return "'%s'" % literal
    return _normalize_expression(text)


def _strip_wrappers(text):
    """Remove enclosing parentheses and trailing PostgreSQL casts."""
    while True:
        if _enclosed(text):
            stripped = text[1:-1].strip()
        else:
            stripped = _strip_cast(text)
        if stripped == text:
            return text
        text = stripped


def _outside_quotes(text):
    """Yield (position, character, paren depth) outside quoted strings."""
    quote = None
    depth = 0
    for position, char in enumerate(text):
        if quote:
            # A doubled quote closes and reopens: the state stays right.
            quote = None if char == quote else quote
            continue
        if char in '\'"':
            quote = char
            continue
        depth += {'(': 1, ')': -1}.get(char, 0)
        yield position, char, depth


def _enclosed(text):
    """Tell whether one pair of parentheses encloses the whole text."""
    if not (text.startswith('(') and text.endswith(')')):
        return False
    for position, _char, depth in _outside_quotes(text):
        if depth == 0:
            return position == len(text) - 1
    return False


def _strip_cast(text):
    """Remove one top-level trailing ``::type`` cast, if there is one."""
    casts = [position for position, char, depth in _outside_quotes(text)
             if char == ':' and depth == 0 and text[position + 1:][:1] == ':']
    if casts and _CAST_TYPE.match(text[casts[-1] + 2:]):
        return text[:casts[-1]].strip()
    return text


def _literal(text):
    """Return the value of a string, bit or number literal, else None."""
    match = _STRING_LITERAL.match(text)
    if match is None:
        return text if _NUMBER.match(text) else None
    body = match.group('body')
    if (match.group('prefix') or '').upper() == 'B':
        # MySQL bit literal b'1': its value is a number.
        return str(int(body, 2)) if re.match('^[01]+$', body) else body
    return body


def _normalize_expression(text):
    """Upper-case and tidy an expression default outside its quotes."""
    parts = _QUOTED_OR_PLAIN.split(text)
    for index in range(0, len(parts), 2):
        plain = re.sub(r'\s+', ' ', parts[index].upper())
        parts[index] = _NOW.sub(_current_timestamp, plain)
    return ''.join(parts)


def _current_timestamp(match):
    precision = match.group(1) or match.group(2)
    return 'CURRENT_TIMESTAMP' + ('(%s)' % precision if precision else '')


# Building one table from what the Inspector returned


def normalize_fk_action(action, dialect_name):
    """Return an ON DELETE/UPDATE action, None for the default action."""
    action = (action or '').upper() or None
    if action == 'NO ACTION':
        return None
    if action == 'RESTRICT' and dialect_name in _MYSQL_DIALECTS:
        # InnoDB treats RESTRICT exactly as NO ACTION.
        return None
    return action


def build_table(name, reflected, dialect_name, default_schema=None):
    """Build a :class:`Table` from the Inspector's answers for one table.

    :param reflected: dict with the keys ``columns``, ``pk_constraint``,
        ``indexes``, ``unique_constraints`` and ``foreign_keys`` holding what
        the matching ``Inspector.get_*`` methods returned
    :param dialect_name: the backend's dialect name
    :param default_schema: schema whose name is left out of referred tables
    """
    pk = reflected.get('pk_constraint') or {}
    primary_key = PrimaryKey(pk.get('name'),
                             tuple(pk.get('constrained_columns') or ()))
    columns = tuple(_column(raw, primary_key.columns, dialect_name)
                    for raw in reflected['columns'])
    foreign_keys = _sorted(
        _foreign_key(raw, dialect_name, default_schema)
        for raw in reflected.get('foreign_keys') or ())
    uniques = reflected.get('unique_constraints') or ()
    indexes = [_index(raw) for raw in _own_indexes(
        reflected.get('indexes') or (), uniques)]
    implicit = [index for index in indexes
                if dialect_name in _MYSQL_DIALECTS
                and is_implicit_fk_index(index, foreign_keys)]
    return Table(
        name=name, columns=columns, primary_key=primary_key,
        indexes=_sorted(i for i in indexes if i not in implicit),
        unique_constraints=_sorted(
            UniqueConstraint(raw['name'], tuple(raw['column_names']))
            for raw in uniques),
        foreign_keys=foreign_keys, implicit_indexes=_sorted(implicit))


def _column(raw, pk_columns, dialect_name):
    """Build a :class:`Column` from one ``Inspector.get_columns`` entry."""
    type_name = normalize_type(raw['type'])
    autoincrement = _autoincrement(raw, type_name, pk_columns, dialect_name)
    default = raw.get('default')
    if autoincrement and re.match(r'(?i)\s*nextval\(', default or ''):
        # A serial's sequence is named after the table it was created for,
        # so a renamed table would differ from a freshly created one.
        default = None
    nullable = bool(raw['nullable'])
    if dialect_name == 'sqlite' and autoincrement:
        # A rowid alias is never NULL, whether NOT NULL was spelled or not.
        nullable = False
    return Column(raw['name'], type_name, nullable,
                  normalize_default(default, type_name), autoincrement)


def _autoincrement(raw, type_name, pk_columns, dialect_name):
    """Return whether an integer key column autoincrements, else None."""
    if type_name.split(' ')[0] not in _INTEGER_TYPES:
        return None
    in_key = raw['name'] in pk_columns
    if dialect_name == 'sqlite':
        # Only a single INTEGER primary key aliases the rowid.
        if not in_key:
            return None
        return tuple(pk_columns) == (raw['name'],) and type_name == 'INTEGER'
    reflected = raw.get('autoincrement') is True
    return reflected if in_key or reflected else None


def _foreign_key(raw, dialect_name, default_schema):
    """Build a :class:`ForeignKey` from one ``get_foreign_keys`` entry."""
    options = raw.get('options') or {}
    referred = raw['referred_table']
    schema = raw.get('referred_schema')
    if schema and schema != default_schema:
        referred = '%s.%s' % (schema, referred)
    return ForeignKey(
        raw.get('name'), tuple(raw['constrained_columns']), referred,
        tuple(raw['referred_columns']),
        normalize_fk_action(options.get('ondelete'), dialect_name),
        normalize_fk_action(options.get('onupdate'), dialect_name))


def _own_indexes(indexes, uniques):
    """Drop indexes that only restate a unique constraint.

    PostgreSQL marks the index behind a unique constraint with
    ``duplicates_constraint``; MySQL reports each unique key both as an
    index and as a constraint carrying ``duplicates_index``.
    """
    restated = {unique.get('duplicates_index') for unique in uniques}
    return [raw for raw in indexes
            if not raw.get('duplicates_constraint')
            and not (raw.get('unique') and raw['name'] in restated)]


def _index(raw):
    """Build an :class:`Index` from one ``Inspector.get_indexes`` entry."""
    columns = raw.get('expressions') or raw['column_names']
    options = {key: _option_text(value)
               for key, value in (raw.get('dialect_options') or {}).items()
               if value}
    if raw.get('column_sorting'):
        options['column_sorting'] = _option_text(raw['column_sorting'])
    return Index(raw['name'], tuple(str(column) for column in columns),
                 bool(raw.get('unique')), tuple(sorted(options.items())))


def _option_text(value):
    if isinstance(value, dict):
        return ', '.join('%s:%s' % (key, _option_text(value[key]))
                         for key in sorted(value))
    if isinstance(value, (list, tuple)):
        return ', '.join(_option_text(item) for item in value)
    return str(value)


def is_implicit_fk_index(index, foreign_keys):
    """Tell whether ``index`` looks like one InnoDB made for a foreign key.

    InnoDB creates an index for a foreign key that no index supports, named
    after the constraint or, for an unnamed one, after its first column.
    """
    if index.unique or index.options or index.name is None:
        return False
    for fkey in foreign_keys:
        if index.columns != fkey.columns:
            continue
        column_named = re.match(r'%s(_\d+)?$' % re.escape(fkey.columns[0]),
                                index.name)
        if index.name == fkey.name or column_named:
            return True
    return False


# Reflection


def snapshot(bind, exclude=DEFAULT_EXCLUDE, include_names=True,
             schema=None):
    """Reflect a database into a :class:`Snapshot`.

    :param bind: an Engine or a Connection (SQLAlchemy 2)
    :param exclude: names of tables to leave out (the version tables)
    :param include_names: False drops constraint and index names, for
        databases built by tools that generate them
    :param schema: schema to reflect; None for the default one
    """
    with _connection(bind) as connection:
        inspector = sqlalchemy.inspect(connection)
        names = sorted(name for name in inspector.get_table_names(schema)
                       if name not in exclude)
        reflected = _reflect(inspector, names, schema)
        if connection.dialect.name == 'sqlite':
            _add_sqlite_fk_actions(connection, reflected, schema)
        default_schema = inspector.default_schema_name
        dialect_name = connection.dialect.name
    result = Snapshot(dialect_name, tuple(
        build_table(name, reflected[name], dialect_name, default_schema)
        for name in names))
    return result if include_names else result.without_names()


@contextlib.contextmanager
def _connection(bind):
    """Yield a Connection for ``bind``, leaving no transaction of ours."""
    if isinstance(bind, sqlalchemy.engine.Engine):
        with bind.connect() as connection:
            yield connection
        return
    began = not bind.in_transaction()
    try:
        yield bind
    finally:
        if began and bind.in_transaction():
            # Reflection autobegan it; the caller's state is restored.
            bind.rollback()


_REFLECTED_PARTS = {
    'columns': 'get_multi_columns',
    'pk_constraint': 'get_multi_pk_constraint',
    'indexes': 'get_multi_indexes',
    'unique_constraints': 'get_multi_unique_constraints',
    'foreign_keys': 'get_multi_foreign_keys',
}


def _reflect(inspector, names, schema):
    """Return {table: {part: Inspector answer}} in one query per part."""
    reflected = {name: {} for name in names}
    if not names:
        return reflected
    for part, method in _REFLECTED_PARTS.items():
        answers = getattr(inspector, method)(schema=schema,
                                             filter_names=names)
        for (_schema, table), answer in answers.items():
            if table in reflected:
                reflected[table][part] = answer
    return reflected


def _add_sqlite_fk_actions(connection, reflected, schema=None):
    """Fill in ON DELETE/UPDATE of SQLite foreign keys from the pragma.

    SQLAlchemy parses them from the CREATE TABLE text and misses those of
    column-level ``REFERENCES`` clauses; the pragma always knows them.
    """
    quote = connection.dialect.identifier_preparer.quote
    prefix = quote(schema) + '.' if schema else ''
    for table, parts in reflected.items():
        rows = connection.exec_driver_sql(
            'PRAGMA %sforeign_key_list(%s)' % (prefix, quote(table)))
        actions = {}
        for row in rows:
            # id, seq, table, from, to, on_update, on_delete, match
            columns = actions.get(row[0], ((),))[0] + (row[3],)
            actions[row[0]] = (columns, row[5], row[6])
        by_columns = {columns: (update, delete)
                      for columns, update, delete in actions.values()}
        for fkey in parts.get('foreign_keys') or ():
            update, delete = by_columns.get(
                tuple(fkey['constrained_columns']), (None, None))
            fkey['options'] = dict(fkey.get('options') or {},
                                   onupdate=update, ondelete=delete)


# Diff


def diff(expected, actual, ignore_names=False, ignore_column_order=False):
    """List the differences between two snapshots, in a stable order.

    Each line reads ``table T: <what>: <expected> != <actual>``, or says
    what is ``missing`` from ``actual`` or ``unexpected`` in it.  Column
    order gets a line of its own, unless ``ignore_column_order``.

    :param ignore_names: compare constraints and indexes by content only
    :returns: a list of strings, empty when the schemas are equal
    """
    if ignore_names:
        expected, actual = expected.without_names(), actual.without_names()
    problems = []
    if expected.dialect != actual.dialect:
        problems.append('dialect: %s != %s'
                        % (expected.dialect, actual.dialect))
    wanted = {table.name: table for table in expected.tables}
    found = {table.name: table for table in actual.tables}
    for name in sorted(set(wanted) | set(found)):
        if name not in found:
            problems.append('table %s: missing' % name)
        elif name not in wanted:
            problems.append('table %s: unexpected' % name)
        else:
            problems.extend('table %s: %s' % (name, problem)
                            for problem in _diff_table(
                                wanted[name], found[name],
                                ignore_column_order))
    return problems


def _diff_table(expected, actual, ignore_column_order):
    problems = _diff_columns(expected.columns, actual.columns)
    if not ignore_column_order:
        problems.extend(_diff_column_order(expected.columns, actual.columns))
    problems.extend(_diff_fields('primary key', expected.primary_key,
                                 actual.primary_key))
    for label, attribute in (('index', 'indexes'),
                             ('unique', 'unique_constraints'),
                             ('foreign key', 'foreign_keys')):
        problems.extend(_diff_items(label, getattr(expected, attribute),
                                    getattr(actual, attribute)))
    return problems


def _diff_columns(expected, actual):
    found = {column.name: column for column in actual}
    wanted = {column.name for column in expected}
    problems = []
    for column in expected:
        label = 'column %s' % column.name
        if column.name not in found:
            problems.append('%s: missing (%s)' % (label, column.describe()))
        else:
            problems.extend(_diff_fields(label, column, found[column.name]))
    problems.extend('column %s: unexpected (%s)'
                    % (column.name, column.describe())
                    for column in actual if column.name not in wanted)
    return problems


def _diff_column_order(expected, actual):
    # Only the columns both sides have: the others are reported already.
    wanted = [column.name for column in expected]
    found = [column.name for column in actual]
    common = set(wanted) & set(found)
    wanted = tuple(name for name in wanted if name in common)
    found = tuple(name for name in found if name in common)
    if wanted == found:
        return []
    return ['column order: %s != %s' % (_render(wanted), _render(found))]


def _diff_fields(label, expected, actual):
    """Compare two items of one kind field by field."""
    return ['%s: %s %s != %s' % (label, field.name,
                                 _render(getattr(expected, field.name)),
                                 _render(getattr(actual, field.name)))
            for field in dataclasses.fields(expected)
            if field.compare
            and getattr(expected, field.name) != getattr(actual, field.name)]


def _keyed(items):
    """Key items by name, or by content when unnamed; count duplicates."""
    keyed = {}
    for item in items:
        base = (0, item.name) if item.name is not None else (
            1, item.describe())
        count = 0
        while base + (count,) in keyed:
            count += 1
        keyed[base + (count,)] = item
    return keyed


def _diff_items(label, expected, actual):
    wanted = _keyed(expected)
    found = _keyed(actual)
    problems = []
    for key in sorted(set(wanted) | set(found)):
        if key not in found:
            problems.append('%s: missing' % wanted[key].describe())
        elif key not in wanted:
            problems.append('%s: unexpected' % found[key].describe())
        else:
            problems.extend(_diff_fields('%s %s' % (label, key[1]),
                                         wanted[key], found[key]))
    return problems
