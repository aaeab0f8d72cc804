"""Generated migrate repositories, for comparing nova_like with the reference.

:func:`generate` writes the scripts of a repository of ``count`` versions
from a seed: the same seed always gives the same files.  Versions mix runs
of placeholders, create table, add column (``create_column`` and
``Column.create``), add index, add unique constraint and alter nullable,
written in the legacy style (bound MetaData, ``autoload=True``, the
``migrate`` changeset API) that both sqlalchemy-migrate 0.13 on
SQLAlchemy 1.4 and nova_like on SQLAlchemy 2 must run.  Every operation is
valid on SQLite, PostgreSQL and MySQL: indexed columns are short enough for
InnoDB keys, no column set is indexed twice, names fit in 63 characters.

Example::

    repo = self.useFixture(generated.GeneratedRepository(seed=3, count=20))
    api.sync(self.url, repo.path)
"""
import dataclasses
import random

from nova_like.tests import scenario

# SQLAlchemy type expressions (module ``sa``) and whether they can be
# indexed on every backend (MySQL cannot index TEXT without a length).
TYPES = (('sa.Integer', True), ('sa.BigInteger', True),
         ('sa.String(36)', True), ('sa.String(64)', True),
         ('sa.Boolean', True), ('sa.DateTime', True),
         ('sa.Numeric(10, 2)', True), ('sa.Text', False))

HEADER = 'import sqlalchemy as sa\n'
# Both spellings real scripts use for the changeset UniqueConstraint.
UNIQUE_IMPORTS = ('from migrate import UniqueConstraint',
                  'from migrate.changeset import UniqueConstraint')
CREATE_TABLE = """%(meta)s
table = sa.Table(
    %(name)r, meta,
    sa.Column('id', sa.Integer, primary_key=True, nullable=False),%(columns)s
    mysql_engine='InnoDB', mysql_charset='utf8')
table.create()"""
# Relative weights of the operations after the first version.
WEIGHTS = (('placeholders', 2), ('create_table', 2), ('add_column', 4),
           ('add_index', 2), ('add_unique', 2), ('alter_nullable', 2))


@dataclasses.dataclass
class Column:
    name: str
    type: str
    indexable: bool
    nullable: bool = True


@dataclasses.dataclass
class Table:
    name: str
    columns: list
    # Column tuples that already have an index or unique constraint.
    keyed: set = dataclasses.field(default_factory=set)


@dataclasses.dataclass(frozen=True)
class Version:
    """One generated script: ``versions/NNN_name.py`` holding ``source``."""

    number: int
    name: str
    source: str

    @property
    def filename(self):
        return 'versions/%03d_%s.py' % (self.number, self.name)


class _Generator(object):
    """Keeps the schema the scripts so far build, to pick valid changes."""

    def __init__(self, seed):
        self.random = random.Random(seed)
        self.tables = []
        self.counter = 0

    def new_name(self, prefix):
        self.counter += 1
        return '%s%d' % (prefix, self.counter)

    def new_column(self):
        type_, indexable = self.random.choice(TYPES)
        return Column(self.new_name('c'), type_, indexable)

    def metadata_line(self):
        # Both ways legacy scripts bind their MetaData.
        if self.random.random() < 0.5:
            return 'meta = sa.MetaData(bind=migrate_engine)'
        return 'meta = sa.MetaData()\nmeta.bind = migrate_engine'

    def load_table(self, table):
        return '%s\ntable = sa.Table(%r, meta, autoload=True)' % (
            self.metadata_line(), table.name)

    def key_columns(self, table):
        """Pick 1-2 indexable columns not keyed together yet, or None."""
        candidates = [column.name for column in table.columns
                      if column.indexable]
        self.random.shuffle(candidates)
        for size in (1, 2):
            chosen = tuple(sorted(candidates[:size]))
            if len(chosen) == size and chosen not in table.keyed:
                table.keyed.add(chosen)
                return chosen
        return None


def _create_table(gen):
    name = gen.new_name('gen_t')
    table = Table(name, [gen.new_column()
                         for _ in range(gen.random.randint(1, 3))])
    gen.tables.append(table)
    columns = ''.join('\n    sa.Column(%r, %s),' % (column.name, column.type)
                      for column in table.columns)
    body = CREATE_TABLE % {'meta': gen.metadata_line(), 'name': name,
                           'columns': columns}
    return 'create_%s' % name, body, HEADER


def _add_column(gen):
    table = gen.random.choice(gen.tables)
    column = gen.new_column()
    table.columns.append(column)
    new = 'sa.Column(%r, %s)' % (column.name, column.type)
    if gen.random.random() < 0.5:
        change = 'table.create_column(%s)' % new
    else:
        change = '%s.create(table)' % new
    body = '%s\n%s' % (gen.load_table(table), change)
    return 'add_%s_%s' % (table.name, column.name), body, HEADER


def _add_index(gen):
    table, columns = _keyable(gen)
    if table is None:
        return None
    name = 'ix_%s_%s' % (table.name, '_'.join(columns))
    body = '%s\nsa.Index(%r, %s).create(migrate_engine)' % (
        gen.load_table(table), name,
        ', '.join('table.c.%s' % column for column in columns))
    return 'add_%s' % name, body, HEADER


def _add_unique(gen):
    table, columns = _keyable(gen)
    if table is None:
        return None
    name = 'uq_%s_%s' % (table.name, '_'.join(columns))
    body = '%s\nUniqueConstraint(%s, table=table, name=%r).create()' % (
        gen.load_table(table), ', '.join(repr(c) for c in columns), name)
    header = HEADER + gen.random.choice(UNIQUE_IMPORTS) + '\n'
    return 'add_%s' % name, body, header


def _keyable(gen):
    """Return a table and columns to index, or (None, None)."""
    tables = list(gen.tables)
    gen.random.shuffle(tables)
    for table in tables:
        columns = gen.key_columns(table)
        if columns:
            return table, columns
    return None, None


def _alter_nullable(gen):
    columns = [(table, column) for table in gen.tables
               for column in table.columns if column.nullable]
    if not columns:
        return None
    table, column = gen.random.choice(columns)
    column.nullable = False
    body = '%s\ntable.c.%s.alter(nullable=False)' % (
        gen.load_table(table), column.name)
    return 'alter_%s_%s_not_null' % (table.name, column.name), body, HEADER


OPERATIONS = {'create_table': _create_table, 'add_column': _add_column,
              'add_index': _add_index, 'add_unique': _add_unique,
              'alter_nullable': _alter_nullable}


def generate(seed, count, first=1):
    """Return the :class:`Version` list of a generated repository.

    :param seed: anything :class:`random.Random` accepts
    :param count: number of versions
    :param first: number of the first version (above 1: a compacted
        repository, whose initial version is ``first - 1``)
    """
    gen = _Generator(seed)
    versions = []
    while len(versions) < count:
        number = first + len(versions)
        operation = 'create_table' if not gen.tables else _pick(gen)
        if operation == 'placeholders':
            run = min(gen.random.randint(2, 4), count - len(versions))
            versions.extend(Version(number + offset, 'placeholder',
                                    scenario.PLACEHOLDER)
                            for offset in range(run))
            continue
        made = OPERATIONS[operation](gen) or _add_column(gen)
        name, body, header = made
        versions.append(Version(number, name, scenario.script_source(
            body, header=header)))
    return versions


def _pick(gen):
    names = [name for name, _weight in WEIGHTS]
    weights = [weight for _name, weight in WEIGHTS]
    return gen.random.choices(names, weights)[0]


class GeneratedRepository(scenario.RepositoryFixture):
    """A repository written by :func:`generate` in a temporary directory."""

    def __init__(self, seed, count, first=1):
        super().__init__(repository_id='generated_%s' % seed)
        self.seed = seed
        self.count = count
        self.first = first

    def _setUp(self):
        super()._setUp()
        self.scripts = generate(self.seed, self.count, self.first)
        for version in self.scripts:
            self.write_file(version.filename, version.source)
