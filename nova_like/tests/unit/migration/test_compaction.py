"""Compaction: the generated script, the file changes, the checks, the proof.

The proof runs on temporary SQLite files only here; the three backends are
in nova_like/tests/functional/test_compaction.py.
"""
import os

from oslotest import base

from nova_like import exception
from nova_like.migration import compaction
from nova_like.migration import compaction_files
from nova_like.migration import initial_script
from nova_like.migration import planner
from nova_like.migration import repository as repository_mod
from nova_like.migration import schema
from nova_like.tests import scenario

CREATE = """
meta = sa.MetaData(bind=migrate_engine)
sa.Table(%r, meta, sa.Column('id', sa.Integer, primary_key=True),
         sa.Column('name', sa.String(40), nullable=False,
                   server_default='x'),
         mysql_engine='InnoDB').create()
"""
INSERT = """
meta = sa.MetaData(bind=migrate_engine)
table = sa.Table('one', meta, autoload=True)
table.insert().values(id=1, name='seed').execute()
"""
# Depends on a row the compacted script cannot recreate.
IF_SEEDED = """
meta = sa.MetaData(bind=migrate_engine)
if migrate_engine.execute('SELECT COUNT(*) FROM one').scalar():
    sa.Table('seeded', meta, sa.Column('id', sa.Integer)).create()
"""
HEADER = 'import sqlalchemy as sa'
RELEASES = """\
# kept comment
[releases]
grizzly = 1-3
havana = 4-8

[placeholders]
grizzly = 6-7

[backports]
6 = 9
"""


def _column(name, type_='INTEGER', nullable=True, **kwargs):
    return schema.Column(name, type_, nullable, **kwargs)


def _snapshot(dialect, *tables):
    return schema.Snapshot(dialect, tuple(tables))


def _table(name='things', *extra, **kwargs):
    columns = (_column('id', nullable=False, autoincrement=True),) + extra
    return schema.Table(name, columns, schema.PrimaryKey(None, ('id',)),
                        **kwargs)


class TestInitialScript(base.BaseTestCase):

    def render(self, **snapshots):
        return initial_script.render(snapshots, 'havana', 1, 5)

    def test_same_everywhere_has_no_branch(self):
        table = _table('things', _column('name', 'VARCHAR(40)', False,
                                         default="'x'"))
        source = self.render(sqlite=_snapshot('sqlite', table),
                             mysql=_snapshot('mysql', table))
        self.assertNotIn('migrate_engine.name', source)
        self.assertIn("Column('name', String(40), nullable=False, "
                      "server_default='x')", source)
        self.assertIn("meta.bind = migrate_engine", source)
        compile(source, 'generated', 'exec')

    def test_backend_differences_get_a_branch(self):
        plain = _table('things', _column('blob', 'BLOB'))
        other = _table('things', _column('blob', 'TEXT'))
        source = self.render(sqlite=_snapshot('sqlite', plain),
                             mysql=_snapshot('mysql', other),
                             postgresql=_snapshot('postgresql', plain))
        self.assertIn("    if migrate_engine.name == 'mysql':\n"
                      "        Table('things', meta,", source)
        self.assertIn("Column('blob', Text)", source)
        self.assertIn("    else:\n        Table('things', meta,", source)
        self.assertEqual(1, source.count('migrate_engine.name =='))

    def test_keys_indexes_and_foreign_keys(self):
        parent = _table('parent', _column('code', 'VARCHAR(8)'),
                        unique_constraints=(schema.UniqueConstraint(
                            'uq_code', ('code',)),))
        child = _table('child', _column('code', 'VARCHAR(8)'),
                       indexes=(schema.Index('ix_code', ('code',)),),
                       foreign_keys=(schema.ForeignKey(
                           'fk_code', ('code',), 'parent', ('code',),
                           ondelete='CASCADE'),))
        source = self.render(sqlite=_snapshot('sqlite', child, parent))
        self.assertIn("UniqueConstraint('code', name='uq_code')", source)
        self.assertIn("Index('ix_code', 'code')", source)
        self.assertIn("ForeignKeyConstraint(['code'], ['parent.code'], "
                      "name='fk_code',\n", source)
        self.assertIn(" ondelete='CASCADE'),\n", source)
        self.assertIn('for table in meta.sorted_tables', source)

    def test_long_lines_are_wrapped(self):
        names = ['column_with_a_rather_long_name_%d' % n for n in range(4)]
        table = _table('t' * 30, *[_column(name, 'VARCHAR(255)', False,
                                           default="'%s'" % name)
                                   for name in names],
                       indexes=(schema.Index('ix_' + 'x' * 40, tuple(names)),))
        source = self.render(sqlite=_snapshot('sqlite', table),
                             mysql=_snapshot('mysql', _table('t' * 30)))
        self.assertEqual([], [line for line in source.splitlines()
                              if len(line) > 79])
        compile(source, 'generated', 'exec')

    def test_unsupported_type_is_named(self):
        table = _table('things', _column('at', 'TIMESTAMP WITH TIME ZONE'))
        error = self.assertRaises(
            exception.UnsupportedOperation, self.render,
            postgresql=_snapshot('postgresql', table))
        self.assertIn('column things.at: type TIMESTAMP WITH TIME ZONE on '
                      'postgresql is not supported', error.message)

    def test_table_on_one_backend_only_is_refused(self):
        error = self.assertRaises(
            exception.UnsupportedOperation, self.render,
            sqlite=_snapshot('sqlite', _table('a')),
            mysql=_snapshot('mysql', _table('a'), _table('b')))
        self.assertIn('table b exists on some backends only', error.message)


class TestCompactionFiles(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())
        for version in range(1, 10):
            self.repo.write_script(version)

    def plan(self, through=5, release='havana'):
        return compaction_files.plan(
            repository_mod.load(self.repo.path), through, release, 'SOURCE')

    def test_releases_records(self):
        self.repo.write_releases(RELEASES)
        changes = self.plan()
        self.assertEqual(
            '# kept comment\n[releases]\nhavana = 6-8\n\n[placeholders]\n'
            'grizzly = 6-7\n\n[backports]\n6 = 9\n\n' +
            compaction_files.COMPACTED_SECTION + 'havana = 1-5\n',
            changes.releases_text)
        self.assertEqual(('[releases] grizzly = 1-3',), changes.dropped)
        self.assertEqual(os.path.join('versions', '005_havana.py'),
                         changes.script)
        self.assertEqual(5, len(changes.removed))

    def test_compacted_slots_lose_their_backport_record(self):
        self.repo.write_releases(RELEASES)
        changes = self.plan(through=7)
        self.assertIn('[backports] 6 = 9', changes.dropped)
        self.assertIn('[placeholders] grizzly = 6-7', changes.dropped)

    def test_second_compaction_joins_the_section(self):
        self.repo.write_releases('[compacted]\nfolsom = 1-2\n\n[x]\n')
        text = self.plan().releases_text
        self.assertEqual('[compacted]\nfolsom = 1-2\nhavana = 1-5\n\n[x]\n',
                         text)

    def test_existing_name_is_refused(self):
        self.repo.write_releases('[compacted]\nhavana = 1-2\n')
        error = self.assertRaises(exception.RepositoryError, self.plan)
        self.assertIn('already records a compaction named havana',
                      error.message)

    def test_apply(self):
        compaction_files.apply(self.plan(), self.repo.path)
        repository = repository_mod.load(self.repo.path)
        self.assertEqual([5, 6, 7, 8, 9], repository.versions)
        self.assertEqual('havana', repository.releases.compacted_release(1))
        self.assertEqual(4, repository.initial_version)


class TestCompact(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())
        self.repo.write_script(1, CREATE % 'one', header=HEADER)
        self.repo.write_script(2, INSERT, header=HEADER)
        self.repo.write_placeholder(3, 4)
        self.repo.write_script(5, CREATE % 'two', header=HEADER)

    def files(self):
        return sorted(os.listdir(self.repo.versions)) + sorted(
            os.listdir(self.repo.path))

    def test_compacts_and_proves(self):
        result = compaction.compact(self.repo.path, 4, 'grizzly')
        self.assertEqual(('sqlite',), result.backends)
        repository = repository_mod.load(self.repo.path)
        self.assertEqual([4, 5], repository.versions)
        self.assertEqual('004_grizzly.py', repository.scripts[4].name)
        with open(repository.scripts[4].py_path) as stream:
            self.assertEqual(result.source, stream.read())

    def test_dry_run_writes_nothing(self):
        before = self.files()
        result = compaction.compact(self.repo.path, 4, 'grizzly',
                                    dry_run=True)
        self.assertIn("Table('one', meta,", result.source)
        self.assertEqual(before, self.files())

    def test_failed_proof_writes_nothing(self):
        self.repo.write_script(6, IF_SEEDED, header=HEADER)
        before = self.files()
        error = self.assertRaises(compaction.ProofFailed, compaction.compact,
                                  self.repo.path, 4, 'grizzly')
        self.assertIn('compacted repository reaches another schema at the '
                      'head on sqlite than the original: table seeded: '
                      'missing; nothing written', error.message)
        self.assertEqual(before, self.files())

    def test_bad_release_name(self):
        error = self.assertRaises(exception.RepositoryError,
                                  compaction.compact, self.repo.path, 4,
                                  'Grizzly 2')
        self.assertIn("invalid release name 'Grizzly 2'", error.message)

    def test_through_inside_a_placeholder_range(self):
        error = self.assertRaises(exception.RepositoryError,
                                  compaction.compact, self.repo.path, 3, 'g')
        self.assertIn('--through 3 falls inside the placeholder range 3-4: '
                      'compact through its end (4) or before it (2)',
                      error.message)

    def test_unknown_version(self):
        error = self.assertRaises(exception.VersionError, compaction.compact,
                                  self.repo.path, 9, 'grizzly')
        self.assertIn('version 9 does not exist', error.message)


class TestOlderThanCompacted(base.BaseTestCase):

    def test_error_names_the_release(self):
        repo = self.useFixture(scenario.RepositoryFixture())
        repo.write_script(108, name='havana')
        repo.write_releases('[compacted]\nhavana = 100-108\n')
        error = self.assertRaises(
            exception.DatabaseError, planner.plan,
            repository_mod.load(repo.path), 104)
        self.assertIn('database is at version 104, older than the first '
                      'version 108 of repository %s: upgrade through havana '
                      'first' % repo.path, error.message)
