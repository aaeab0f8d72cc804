import ast
import textwrap

from oslotest import base

from nova_like.migration.lint import guards
from nova_like.migration.lint import walker


def extract(source, function='upgrade'):
    return walker.extract(ast.parse(textwrap.dedent(source)), function)


def kinds(source):
    return [(op.kind, op.target) for op in extract(source)]


class TestClassify(base.BaseTestCase):

    def test_migrate_api_calls(self):
        self.assertEqual([
            ('add_column', 'a'), ('add_column', 'b'), ('drop_column', 'c'),
            ('drop_column', 'd'), ('alter_type', 'e'),
            ('rename_column', 'e'), ('rename_table', 't'),
            ('rename_index', 'ix'), ('create_constraint', 'uq'),
            ('drop_constraint', 'fk')], kinds("""
            def upgrade(migrate_engine):
                t = Table('t', meta, autoload=True)
                t.create_column(Column('a', Integer))
                Column('b', Integer).create(t)
                t.drop_column('c')
                t.c.d.drop()
                t.c.e.alter(name='f', type=String(3))
                t.rename('u')
                Index('ix', t.c.a).rename('iy')
                UniqueConstraint('a', table=t, name='uq').create()
                ForeignKeyConstraint(columns=[t.c.a], refcolumns=[t.c.b],
                                     name='fk').drop()
            """))

    def test_loop_over_tables_of_a_tuple(self):
        self.assertEqual([('create_table', None)], kinds("""
            def upgrade(migrate_engine):
                a = Table('a', meta)
                b = Table('b', meta)
                for table in (a, b):
                    table.create()
            """))

    def test_not_dml(self):
        self.assertEqual([], kinds("""
            def upgrade(migrate_engine):
                values = {'a': 1}
                values.update({'b': 2})
                names = []
                names.insert(0, 'x')
            """))

    def test_dml_forms(self):
        ops = extract("""
            def upgrade(migrate_engine):
                t = get_table(migrate_engine, 'quotas')
                migrate_engine.execute(t.update(),
                                       {'hard_limit': t.c.hard_limit * 2})
                stmt = sa.update(t).values({t.c.in_use: t.c.in_use - 1})
                conn.execute(t.insert().prefix_with('IGNORE'), rows)
                t.insert().values(x=1).on_conflict_do_nothing()
            """)
        self.assertEqual([('update', ('hard_limit',)), ('update', ('in_use',)),
                          ('insert', ()), ('insert', ())],
                         [(op.kind, op.relative) for op in ops])
        self.assertEqual([False, False, True, True], [op.safe for op in ops])

    def test_create_all_checks_first_unless_told_not_to(self):
        ops = extract("""
            def upgrade(migrate_engine):
                meta.create_all()
                meta.create_all(checkfirst=False)
            """)
        self.assertEqual([True, False], [op.safe for op in ops])

    def test_nested_functions_are_not_operations(self):
        self.assertEqual([], kinds("""
            def upgrade(migrate_engine):
                def later():
                    t.drop()
                callback = lambda: t.drop()
            """))

    def test_string_sql_through_names_and_text(self):
        self.assertEqual([('create_table', 'a'), ('drop_table', None),
                          ('drop_table', None)], kinds("""
            def upgrade(migrate_engine):
                sql = 'CREATE TABLE a (id INT)'
                migrate_engine.execute(sql)
                migrate_engine.execute(text('DROP TABLE %s' % 'b'))
                migrate_engine.execute(f'DROP TABLE {name}')
            """))


class TestGuards(base.BaseTestCase):

    def guards_of(self, source):
        return [(op.kind, sorted(op.guards)) for op in extract(source)]

    def test_helper_called_guarded_and_unguarded_is_unguarded(self):
        self.assertEqual([('add_column', [])], self.guards_of("""
            def _add(table):
                table.create_column(Column('x', Integer))

            def upgrade(migrate_engine):
                if not hasattr(t.c, 'x'):
                    _add(t)
                _add(t)
            """))

    def test_helper_called_under_a_guard_is_guarded(self):
        self.assertEqual([('add_column', [guards.EXISTS])], self.guards_of("""
            def _add(table):
                table.create_column(Column('x', Integer))

            def upgrade(migrate_engine):
                if not hasattr(t.c, 'x'):
                    _add(t)
            """))

    def test_early_exit_from_a_loop_over_a_probe(self):
        self.assertEqual([('create_constraint', [guards.EXISTS])],
                         self.guards_of("""
            def upgrade(migrate_engine):
                for fkey in inspector.get_foreign_keys('t'):
                    if fkey['name'] == 'fk':
                        return
                ForeignKeyConstraint(columns=[a], refcolumns=[b],
                                     name='fk').create()
            """))

    def test_dialect_test_is_no_guard_and_its_return_changes_nothing(self):
        self.assertEqual([('add_column', []), ('add_column', [])],
                         self.guards_of("""
            def upgrade(migrate_engine):
                if migrate_engine.name == 'mysql':
                    t.create_column(Column('x', Integer))
                if migrate_engine.name == 'sqlite':
                    return
                t.create_column(Column('y', Integer))
            """))

    def test_reraising_or_broad_except_is_no_guard(self):
        self.assertEqual([('add_column', []), ('add_column', []),
                          ('add_column', [guards.DATA, guards.EXISTS])],
                         self.guards_of("""
            def upgrade(migrate_engine):
                try:
                    t.create_column(Column('a', Integer))
                except sqlalchemy.exc.OperationalError:
                    raise
                try:
                    t.create_column(Column('b', Integer))
                except:
                    pass
                try:
                    t.create_column(Column('c', Integer))
                except (exc.IntegrityError, db_exc.DBDuplicateEntry):
                    LOG.info('already there')
            """))

    def test_catalog_queries_are_probes(self):
        self.assertEqual([('alter_type', [guards.DATA, guards.EXISTS,
                                          guards.TYPE])], self.guards_of("""
            def upgrade(migrate_engine):
                kind = migrate_engine.execute(
                    "SELECT data_type FROM information_schema.columns "
                    "WHERE table_name = 't'").scalar()
                if kind != 'text':
                    t.c.x.alter(type=Text)
            """))

    def test_existence_of_a_column_is_not_its_type(self):
        self.assertEqual([('alter_type', [guards.EXISTS])], self.guards_of("""
            def upgrade(migrate_engine):
                if 'x' in t.c:
                    t.c.x.alter(type=Text)
            """))

    def test_a_bare_column_access_is_no_probe(self):
        # t.c.x raises when x is missing: nothing was asked.
        self.assertEqual([('drop_column', [])], self.guards_of("""
            def upgrade(migrate_engine):
                for column in (t.c.a, t.c.b):
                    column.drop()
            """))


class TestNames(base.BaseTestCase):

    def test_module_constants_name_objects_and_sql(self):
        self.assertEqual([('create_index', 'ix_a'), ('drop_table', 'old')],
                         kinds("""
            INDEX = 'ix_a'
            DROP = 'DROP TABLE old'

            def upgrade(migrate_engine):
                Index(INDEX, t.c.a).create(migrate_engine)
                migrate_engine.execute(DROP)
            """))

    def test_name_passed_in_keyword_arguments(self):
        self.assertEqual([('drop_constraint', None)], kinds("""
            def upgrade(migrate_engine):
                ForeignKeyConstraint(**params).drop()
            """))
