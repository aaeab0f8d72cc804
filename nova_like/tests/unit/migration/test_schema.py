import json

from oslotest import base
import sqlalchemy as sa
from sqlalchemy.dialects import mysql
from sqlalchemy.dialects import postgresql
from sqlalchemy import pool

from nova_like.migration import schema


def _sqlite(*statements):
    """Return an in-memory SQLite engine after running ``statements``."""
    engine = sa.create_engine('sqlite://', poolclass=pool.StaticPool)
    with engine.begin() as connection:
        for statement in statements:
            connection.exec_driver_sql(statement)
    return engine


class SqliteTestCase(base.BaseTestCase):

    def snap(self, *statements, **kwargs):
        engine = _sqlite(*statements)
        self.addCleanup(engine.dispose)
        return schema.snapshot(engine, **kwargs)

    def diff(self, expected, actual, **kwargs):
        """Diff the snapshots of two SQLite databases given as DDL."""
        if isinstance(expected, str):
            expected = (expected,)
        if isinstance(actual, str):
            actual = (actual,)
        return schema.diff(self.snap(*expected), self.snap(*actual), **kwargs)


class TestNormalizeType(base.BaseTestCase):

    def assertAllNormalizeTo(self, expected, types):
        self.assertEqual([expected] * len(types),
                         [schema.normalize_type(type_) for type_ in types])

    def test_integers_lose_mysql_display_width(self):
        self.assertAllNormalizeTo('INTEGER', [
            sa.Integer(), sa.INTEGER(), mysql.INTEGER(display_width=11)])
        self.assertAllNormalizeTo('BIGINT', [
            sa.BigInteger(), sa.BIGINT(), mysql.BIGINT(display_width=20)])
        self.assertAllNormalizeTo('SMALLINT', [
            sa.SmallInteger(), mysql.SMALLINT(display_width=6)])

    def test_unsigned_integer_differs(self):
        self.assertEqual('INTEGER UNSIGNED', schema.normalize_type(
            mysql.INTEGER(display_width=10, unsigned=True)))

    def test_booleans_including_mysql_tinyint_1(self):
        self.assertAllNormalizeTo('BOOLEAN', [
            sa.Boolean(), sa.BOOLEAN(), mysql.TINYINT(display_width=1)])

    def test_other_tinyint_is_not_boolean(self):
        self.assertAllNormalizeTo('TINYINT', [
            mysql.TINYINT(), mysql.TINYINT(display_width=4)])

    def test_strings_keep_length(self):
        self.assertAllNormalizeTo('VARCHAR(255)', [
            sa.String(255), sa.VARCHAR(255), sa.Unicode(255),
            mysql.VARCHAR(length=255)])
        self.assertEqual('VARCHAR(36)', schema.normalize_type(sa.String(36)))
        self.assertEqual('VARCHAR', schema.normalize_type(sa.String()))
        self.assertEqual('CHAR(3)', schema.normalize_type(sa.CHAR(3)))

    def test_mysql_collation_kept(self):
        self.assertEqual(
            'VARCHAR(64) CHARACTER SET utf8 COLLATE utf8_bin',
            schema.normalize_type(mysql.VARCHAR(
                length=64, charset='utf8', collation='utf8_bin')))

    def test_text_family(self):
        self.assertAllNormalizeTo('TEXT', [
            sa.Text(), sa.TEXT(), sa.UnicodeText(), sa.CLOB(),
            postgresql.TEXT(), mysql.TEXT()])
        self.assertEqual('MEDIUMTEXT',
                         schema.normalize_type(mysql.MEDIUMTEXT()))
        self.assertEqual('LONGTEXT', schema.normalize_type(mysql.LONGTEXT()))

    def test_datetimes(self):
        self.assertAllNormalizeTo('DATETIME', [
            sa.DateTime(), sa.DATETIME(), mysql.DATETIME()])
        self.assertEqual('DATETIME(6)',
                         schema.normalize_type(mysql.DATETIME(fsp=6)))
        self.assertAllNormalizeTo('TIMESTAMP', [
            postgresql.TIMESTAMP(timezone=False), mysql.TIMESTAMP()])
        self.assertEqual(
            'TIMESTAMP(3) WITH TIME ZONE',
            schema.normalize_type(
                postgresql.TIMESTAMP(timezone=True, precision=3)))
        self.assertEqual('DATE', schema.normalize_type(sa.Date()))

    def test_floats(self):
        self.assertAllNormalizeTo('FLOAT', [
            sa.Float(), sa.FLOAT(), mysql.FLOAT()])
        # PostgreSQL reflects double precision with its implied precision.
        self.assertAllNormalizeTo('DOUBLE', [
            postgresql.DOUBLE_PRECISION(precision=53), mysql.DOUBLE(),
            sa.Double()])
        self.assertEqual('REAL', schema.normalize_type(sa.REAL()))
        self.assertEqual('DOUBLE(10,2)', schema.normalize_type(
            mysql.DOUBLE(precision=10, scale=2)))

    def test_numerics_keep_precision_and_scale(self):
        self.assertAllNormalizeTo('NUMERIC(10,2)', [
            sa.Numeric(10, 2), sa.DECIMAL(10, 2), mysql.DECIMAL(10, 2),
            postgresql.NUMERIC(10, 2)])
        self.assertEqual('NUMERIC(10,3)',
                         schema.normalize_type(sa.Numeric(10, 3)))
        self.assertEqual('NUMERIC', schema.normalize_type(sa.Numeric()))

    def test_binaries(self):
        self.assertAllNormalizeTo('BLOB', [
            sa.LargeBinary(), sa.BLOB(), postgresql.BYTEA(), mysql.BLOB()])
        self.assertEqual('MEDIUMBLOB',
                         schema.normalize_type(mysql.MEDIUMBLOB()))
        self.assertEqual('VARBINARY(16)',
                         schema.normalize_type(sa.VARBINARY(16)))

    def test_enums_keep_values_in_order(self):
        self.assertAllNormalizeTo("ENUM('a', 'b')", [
            sa.Enum('a', 'b', name='x'), mysql.ENUM('a', 'b'),
            postgresql.ENUM('a', 'b', name='y')])
        self.assertEqual("ENUM('b', 'a')",
                         schema.normalize_type(mysql.ENUM('b', 'a')))
        self.assertEqual("ENUM('it''s')",
                         schema.normalize_type(mysql.ENUM("it's")))
        self.assertEqual("SET('a', 'b')",
                         schema.normalize_type(mysql.SET('a', 'b')))

    def test_other_types(self):
        self.assertEqual('INTEGER[]', schema.normalize_type(
            postgresql.ARRAY(sa.Integer())))
        self.assertEqual('UUID', schema.normalize_type(postgresql.UUID()))
        self.assertEqual('NULLTYPE', schema.normalize_type(sa.types.NULLTYPE))


class TestNormalizeDefault(base.BaseTestCase):

    def assertAllNormalizeTo(self, expected, defaults, type_name=None):
        self.assertEqual(
            [expected] * len(defaults),
            [schema.normalize_default(default, type_name)
             for default in defaults])

    def test_null_is_no_default(self):
        self.assertAllNormalizeTo(None, [
            None, 'NULL', 'null', '(NULL)', 'NULL::character varying'])

    def test_quoted_null_is_a_string(self):
        self.assertEqual("'NULL'", schema.normalize_default("'NULL'"))

    def test_strings_lose_casts_and_parentheses(self):
        self.assertAllNormalizeTo("'x'", [
            "'x'", "'x'::character varying", "('x')", "(('x'))",
            "_utf8mb4'x'", "('x'::character varying)::text"])

    def test_numbers_quoted_or_not_are_equal(self):
        # MariaDB writes 0, MySQL 8 '0', SQLite (0), PostgreSQL '0'::integer
        self.assertAllNormalizeTo("'0'", ['0', "'0'", '(0)', "'0'::integer"])
        self.assertAllNormalizeTo("'-1'", ['-1', '(-1)', "'-1'::integer"])

    def test_different_values_stay_different(self):
        self.assertNotEqual(schema.normalize_default("'x'"),
                            schema.normalize_default("'y'"))
        self.assertNotEqual(schema.normalize_default('0'),
                            schema.normalize_default('1'))

    def test_booleans(self):
        self.assertAllNormalizeTo('FALSE', [
            'false', 'FALSE', '0', "'0'", "'f'", "b'0'", '(0)'],
            type_name='BOOLEAN')
        self.assertAllNormalizeTo('TRUE', ['true', '1', "'1'", "b'1'"],
                                  type_name='BOOLEAN')

    def test_zero_is_not_false_outside_booleans(self):
        self.assertEqual("'0'", schema.normalize_default('0', 'INTEGER'))

    def test_current_timestamp_spellings(self):
        self.assertAllNormalizeTo('CURRENT_TIMESTAMP', [
            'CURRENT_TIMESTAMP', 'current_timestamp()', 'now()', 'NOW( )',
            '(CURRENT_TIMESTAMP)', 'CURRENT_TIMESTAMP()'])
        self.assertAllNormalizeTo('CURRENT_TIMESTAMP(6)', [
            'current_timestamp(6)', 'now(6)'])

    def test_mariadb_on_update(self):
        self.assertEqual(
            'CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP',
            schema.normalize_default(
                'current_timestamp() ON UPDATE current_timestamp()'))

    def test_quoted_text_is_left_alone(self):
        self.assertEqual("'now()'", schema.normalize_default("'now()'"))
        self.assertEqual("'it''s'", schema.normalize_default("'it''s'"))

    def test_timestamp_literal_loses_cast(self):
        self.assertEqual("'2020-01-01 00:00:00'", schema.normalize_default(
            "'2020-01-01 00:00:00'::timestamp without time zone"))

    def test_expression_kept(self):
        self.assertEqual('(1) + (2)', schema.normalize_default('(1) + (2)'))
        self.assertEqual("DATETIME('now')",
                         schema.normalize_default("(datetime('now'))"))
        self.assertEqual("NEXTVAL('t_id_seq'::REGCLASS)",
                         schema.normalize_default(
                             "nextval('t_id_seq'::regclass)"))


class TestNormalizeFkAction(base.BaseTestCase):

    def test_default_actions_are_none(self):
        for dialect in ('sqlite', 'postgresql', 'mysql'):
            self.assertIsNone(schema.normalize_fk_action(None, dialect))
            self.assertIsNone(
                schema.normalize_fk_action('NO ACTION', dialect))

    def test_restrict_is_default_only_on_mysql(self):
        self.assertIsNone(schema.normalize_fk_action('RESTRICT', 'mysql'))
        self.assertIsNone(schema.normalize_fk_action('RESTRICT', 'mariadb'))
        self.assertEqual('RESTRICT',
                         schema.normalize_fk_action('RESTRICT', 'postgresql'))

    def test_upper_case(self):
        self.assertEqual('CASCADE',
                         schema.normalize_fk_action('cascade', 'sqlite'))


def _column(name, type_, nullable=True, default=None, **extra):
    return dict(name=name, type=type_, nullable=nullable, default=default,
                **extra)


def _fkey(name, columns, referred, referred_columns=('id',), **options):
    return {'name': name, 'constrained_columns': list(columns),
            'referred_schema': None, 'referred_table': referred,
            'referred_columns': list(referred_columns), 'options': options}


class TestBuildTable(base.BaseTestCase):
    """Reflected values shaped as the MySQL and PostgreSQL dialects give."""

    def _hosts(self, dialect, indexes=(), uniques=(), fkeys=(), **columns):
        reflected = {
            'columns': [
                _column('id', mysql.INTEGER(display_width=11), False,
                        autoincrement=True),
                _column('cell_id', mysql.INTEGER(display_width=11)),
                _column('uuid', sa.VARCHAR(36))],
            'pk_constraint': {'name': None, 'constrained_columns': ['id']},
            'indexes': list(indexes), 'unique_constraints': list(uniques),
            'foreign_keys': list(fkeys)}
        reflected.update(columns)
        return schema.build_table('hosts', reflected, dialect)

    def test_mysql_unique_key_counted_once(self):
        table = self._hosts(
            'mysql',
            indexes=[{'name': 'uniq_uuid', 'column_names': ['uuid'],
                      'unique': True}],
            uniques=[{'name': 'uniq_uuid', 'column_names': ['uuid'],
                      'duplicates_index': 'uniq_uuid'}])
        self.assertEqual((), table.indexes)
        self.assertEqual((schema.UniqueConstraint('uniq_uuid', ('uuid',)),),
                         table.unique_constraints)

    def test_postgresql_constraint_index_counted_once(self):
        table = self._hosts(
            'postgresql',
            indexes=[{'name': 'uniq_uuid', 'column_names': ['uuid'],
                      'unique': True, 'duplicates_constraint': 'uniq_uuid',
                      'dialect_options': {'postgresql_include': []}}],
            uniques=[{'name': 'uniq_uuid', 'column_names': ['uuid']}])
        self.assertEqual((), table.indexes)
        self.assertEqual(1, len(table.unique_constraints))

    def test_mysql_implicit_fk_index_set_aside(self):
        fkey = _fkey('fk_cell', ['cell_id'], 'cells')
        with_index = self._hosts('mysql', fkeys=[fkey], indexes=[
            {'name': 'fk_cell', 'column_names': ['cell_id'],
             'unique': False}])
        without = self._hosts('mysql', fkeys=[fkey])
        self.assertEqual((), with_index.indexes)
        self.assertEqual(('fk_cell',),
                         tuple(i.name for i in with_index.implicit_indexes))
        self.assertEqual(without, with_index)
        self.assertEqual([], schema.diff(
            schema.Snapshot('mysql', (without,)),
            schema.Snapshot('mysql', (with_index,))))

    def test_mysql_implicit_index_of_unnamed_fk_named_after_column(self):
        table = self._hosts(
            'mysql', fkeys=[_fkey('hosts_ibfk_1', ['cell_id'], 'cells')],
            indexes=[{'name': 'cell_id', 'column_names': ['cell_id'],
                      'unique': False}])
        self.assertEqual((), table.indexes)
        self.assertEqual(1, len(table.implicit_indexes))

    def test_explicit_index_on_fk_columns_is_kept(self):
        fkeys = [_fkey('fk_cell', ['cell_id'], 'cells')]
        index = {'name': 'ix_cell', 'column_names': ['cell_id'],
                 'unique': False}
        unique = dict(index, name='fk_cell', unique=True)
        for indexes in ([index], [unique]):
            table = self._hosts('mysql', fkeys=fkeys, indexes=indexes)
            self.assertEqual(1, len(table.indexes))
            self.assertEqual((), table.implicit_indexes)

    def test_fk_index_kept_outside_mysql(self):
        table = self._hosts(
            'postgresql', fkeys=[_fkey('fk_cell', ['cell_id'], 'cells')],
            indexes=[{'name': 'fk_cell', 'column_names': ['cell_id'],
                      'unique': False}])
        self.assertEqual(1, len(table.indexes))

    def test_mysql_types_and_autoincrement(self):
        table = self._hosts('mysql')
        self.assertEqual(
            schema.Column('id', 'INTEGER', False, None, True),
            table.columns[0])
        self.assertEqual(
            schema.Column('cell_id', 'INTEGER', True, None, None),
            table.columns[1])

    def test_mysql_missing_auto_increment_reported(self):
        plain = self._hosts('mysql', columns=[
            _column('id', mysql.INTEGER(display_width=11), False,
                    autoincrement=False)])
        auto = self._hosts('mysql', columns=[
            _column('id', mysql.INTEGER(display_width=11), False,
                    autoincrement=True)])
        self.assertEqual(
            ['table hosts: column id: autoincrement True != False'],
            schema.diff(schema.Snapshot('mysql', (auto,)),
                        schema.Snapshot('mysql', (plain,))))

    def test_postgresql_serial_sequence_name_ignored(self):
        def serial(sequence):
            return self._hosts('postgresql', columns=[_column(
                'id', sa.INTEGER(), False,
                "nextval('%s'::regclass)" % sequence, autoincrement=True)])
        old = serial('old_hosts_id_seq')
        self.assertEqual(schema.Column('id', 'INTEGER', False, None, True),
                         old.columns[0])
        self.assertEqual(old, serial('hosts_id_seq'))

    def test_postgresql_identity_is_autoincrement(self):
        table = self._hosts('postgresql', columns=[_column(
            'id', sa.INTEGER(), False, autoincrement=True,
            identity={'always': False, 'start': 1})])
        self.assertTrue(table.columns[0].autoincrement)

    def test_referred_schema_kept_unless_default(self):
        fkey = _fkey('fk_cell', ['cell_id'], 'cells')
        here = self._hosts('postgresql', fkeys=[
            dict(fkey, referred_schema='public')])
        elsewhere = self._hosts('postgresql', fkeys=[
            dict(fkey, referred_schema='other')])
        reflected = {'columns': [], 'foreign_keys': [
            dict(fkey, referred_schema='public')]}
        table = schema.build_table('t', reflected, 'postgresql',
                                   default_schema='public')
        self.assertEqual('cells', table.foreign_keys[0].referred_table)
        self.assertEqual('public.cells', here.foreign_keys[0].referred_table)
        self.assertEqual('other.cells',
                         elsewhere.foreign_keys[0].referred_table)

    def test_index_options_compared(self):
        index = {'name': 'ix_uuid', 'column_names': ['uuid'],
                 'unique': False}
        prefixed = dict(index, dialect_options={
            'mysql_length': {'uuid': 10}})
        plain = self._hosts('mysql', indexes=[index])
        short = self._hosts('mysql', indexes=[prefixed])
        self.assertEqual((('mysql_length', 'uuid:10'),),
                         short.indexes[0].options)
        self.assertEqual(
            ['table hosts: index ix_uuid: options () != '
             '(mysql_length=uuid:10)'],
            schema.diff(schema.Snapshot('mysql', (plain,)),
                        schema.Snapshot('mysql', (short,))))

    def test_postgresql_expression_index(self):
        table = self._hosts('postgresql', indexes=[
            {'name': 'ix_lower', 'column_names': [None],
             'expressions': ['lower((uuid)::text)'], 'unique': False}])
        self.assertEqual(('lower((uuid)::text)',), table.indexes[0].columns)


class TestSnapshotSqlite(SqliteTestCase):

    def test_tables_indexes_and_constraints_in_any_order(self):
        first = self.snap(
            'CREATE TABLE cells (id INTEGER PRIMARY KEY, name VARCHAR(255))',
            'CREATE TABLE hosts (id INTEGER NOT NULL, cell_id INTEGER, '
            'host VARCHAR(255), node VARCHAR(255), PRIMARY KEY (id), '
            'CONSTRAINT uniq_host UNIQUE (host), '
            'CONSTRAINT uniq_node UNIQUE (node), '
            'CONSTRAINT fk_cell FOREIGN KEY (cell_id) REFERENCES cells (id))',
            'CREATE INDEX ix_a ON hosts (host, node)',
            'CREATE INDEX ix_b ON hosts (node)')
        second = self.snap(
            'CREATE TABLE hosts (id INTEGER PRIMARY KEY, cell_id INTEGER, '
            'host VARCHAR(255), node VARCHAR(255), '
            'CONSTRAINT fk_cell FOREIGN KEY (cell_id) REFERENCES cells (id), '
            'CONSTRAINT uniq_node UNIQUE (node), '
            'CONSTRAINT uniq_host UNIQUE (host))',
            'CREATE INDEX ix_b ON hosts (node)',
            'CREATE INDEX ix_a ON hosts (host, node)',
            'CREATE TABLE cells (id INTEGER NOT NULL PRIMARY KEY, '
            'name VARCHAR(255))')
        self.assertEqual([], schema.diff(first, second))
        self.assertEqual(first, second)
        self.assertEqual(hash(first), hash(second))

    def test_metadata_and_handwritten_ddl_agree(self):
        engine = _sqlite()
        self.addCleanup(engine.dispose)
        meta = sa.MetaData()
        sa.Table('instances', meta,
                 sa.Column('id', sa.Integer, primary_key=True),
                 sa.Column('host', sa.String(255), server_default='x'),
                 sa.Column('deleted', sa.Boolean, server_default=sa.false()),
                 sa.Column('created_at', sa.DateTime,
                           server_default=sa.text('CURRENT_TIMESTAMP')),
                 sa.Column('data', sa.LargeBinary),
                 sa.UniqueConstraint('host', name='uniq_host'),
                 sa.Index('ix_deleted', 'deleted'))
        meta.create_all(engine)
        handwritten = self.snap(
            "CREATE TABLE instances (id integer PRIMARY KEY, "
            "host varchar(255) DEFAULT ('x'), deleted boolean DEFAULT 0, "
            "created_at datetime DEFAULT (current_timestamp), data blob, "
            "CONSTRAINT uniq_host UNIQUE (host))",
            'CREATE INDEX ix_deleted ON instances (deleted)')
        self.assertEqual([], schema.diff(schema.snapshot(engine),
                                         handwritten))

    def test_reflected_values(self):
        table = self.snap(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, "
            "name VARCHAR(36) NOT NULL DEFAULT 'x', UNIQUE (name))",
        ).table('t')
        self.assertEqual(
            (schema.Column('id', 'INTEGER', False, None, True),
             schema.Column('name', 'VARCHAR(36)', False, "'x'", None)),
            table.columns)
        self.assertEqual(schema.PrimaryKey(None, ('id',)), table.primary_key)
        self.assertEqual((schema.UniqueConstraint(None, ('name',)),),
                         table.unique_constraints)

    def test_only_a_single_integer_key_is_autoincrement(self):
        snap = self.snap(
            'CREATE TABLE big (id BIGINT NOT NULL, PRIMARY KEY (id))',
            'CREATE TABLE pair (a INTEGER NOT NULL, b INTEGER NOT NULL, '
            'PRIMARY KEY (a, b))')
        self.assertFalse(snap.table('big').columns[0].autoincrement)
        self.assertEqual([False, False], [
            column.autoincrement for column in snap.table('pair').columns])

    def test_version_tables_excluded(self):
        ddl = ('CREATE TABLE migrate_version (repository_id VARCHAR(250) '
               'NOT NULL PRIMARY KEY, repository_path TEXT, version INTEGER)',
               'CREATE TABLE nova_like_migrate_history (id INTEGER)',
               'CREATE TABLE instances (id INTEGER)')
        self.assertEqual(['instances'],
                         [table.name for table in self.snap(*ddl).tables])
        self.assertEqual(
            ['migrate_version', 'nova_like_migrate_history'],
            [table.name for table in
             self.snap(*ddl, exclude=('instances',)).tables])

    def test_column_level_references_keep_their_actions(self):
        fkey = self.snap(
            'CREATE TABLE cells (id INTEGER PRIMARY KEY)',
            'CREATE TABLE hosts (id INTEGER PRIMARY KEY, cell_id INTEGER '
            'REFERENCES cells (id) ON DELETE CASCADE ON UPDATE SET NULL)',
        ).table('hosts').foreign_keys[0]
        self.assertEqual(
            schema.ForeignKey(None, ('cell_id',), 'cells', ('id',),
                              'CASCADE', 'SET NULL'), fkey)

    def test_names_dropped_on_request(self):
        table = self.snap(
            'CREATE TABLE t (id INTEGER, a INTEGER, '
            'CONSTRAINT pk_t PRIMARY KEY (id), CONSTRAINT uq_a UNIQUE (a), '
            'CONSTRAINT fk_t FOREIGN KEY (a) REFERENCES t (id))',
            'CREATE INDEX ix_a ON t (a)', include_names=False).table('t')
        names = [table.primary_key.name] + [
            item.name for item in table.indexes + table.unique_constraints
            + table.foreign_keys]
        self.assertEqual([None] * 4, names)

    def test_accepts_a_connection_and_leaves_no_transaction(self):
        engine = _sqlite('CREATE TABLE t (id INTEGER)')
        self.addCleanup(engine.dispose)
        with engine.connect() as connection:
            snap = schema.snapshot(connection)
            self.assertFalse(connection.in_transaction())
        self.assertEqual(['t'], [table.name for table in snap.tables])

    def test_keeps_the_callers_transaction(self):
        engine = _sqlite()
        self.addCleanup(engine.dispose)
        with engine.connect() as connection:
            connection.exec_driver_sql('CREATE TABLE t (id INTEGER)')
            self.assertEqual(1, len(schema.snapshot(connection).tables))
            self.assertTrue(connection.in_transaction())

    def test_as_dict_round_trips_through_json(self):
        snap = self.snap(
            'CREATE TABLE cells (id INTEGER PRIMARY KEY)',
            "CREATE TABLE hosts (id INTEGER PRIMARY KEY, host TEXT "
            "DEFAULT 'x', cell_id INTEGER, UNIQUE (host), "
            "CONSTRAINT fk FOREIGN KEY (cell_id) REFERENCES cells (id) "
            "ON DELETE CASCADE)",
            'CREATE INDEX ix_cell ON hosts (cell_id)')
        data = json.loads(json.dumps(snap.as_dict()))
        self.assertEqual(snap.as_dict(), data)
        self.assertEqual(snap, schema.Snapshot.from_dict(data))
        self.assertEqual(hash(snap), hash(schema.Snapshot.from_dict(data)))

    def test_is_immutable(self):
        snap = self.snap('CREATE TABLE t (id INTEGER)')
        self.assertRaises(AttributeError, setattr, snap, 'dialect', 'x')
        self.assertIsInstance(snap.tables, tuple)


class TestDiff(SqliteTestCase):

    def test_equal_is_empty(self):
        ddl = 'CREATE TABLE t (id INTEGER PRIMARY KEY, a VARCHAR(3))'
        self.assertEqual([], self.diff(ddl, ddl))

    def test_type_length(self):
        self.assertEqual(
            ['table instances: column host: type VARCHAR(255) != '
             'VARCHAR(36)'],
            self.diff('CREATE TABLE instances (host VARCHAR(255))',
                      'CREATE TABLE instances (host VARCHAR(36))'))

    def test_type_family(self):
        self.assertEqual(
            ['table t: column a: type INTEGER != BIGINT'],
            self.diff('CREATE TABLE t (a INTEGER)',
                      'CREATE TABLE t (a BIGINT)'))

    def test_nullability(self):
        self.assertEqual(
            ['table t: column a: nullable True != False'],
            self.diff('CREATE TABLE t (a INTEGER)',
                      'CREATE TABLE t (a INTEGER NOT NULL)'))

    def test_default(self):
        self.assertEqual(
            ["table t: column a: default 'x' != None"],
            self.diff("CREATE TABLE t (a TEXT DEFAULT 'x')",
                      'CREATE TABLE t (a TEXT)'))

    def test_missing_and_unexpected_columns(self):
        self.assertEqual(
            ['table t: column b: missing (TEXT NOT NULL DEFAULT \'x\')',
             'table t: column c: unexpected (VARCHAR(3) NULL)'],
            self.diff("CREATE TABLE t (a TEXT, b TEXT NOT NULL DEFAULT 'x')",
                      'CREATE TABLE t (a TEXT, c VARCHAR(3))'))

    def test_column_order_reported_apart(self):
        expected = 'CREATE TABLE t (id INTEGER, a TEXT, b TEXT)'
        actual = 'CREATE TABLE t (id INTEGER, b TEXT, a TEXT)'
        self.assertEqual(['table t: column order: (id, a, b) != (id, b, a)'],
                         self.diff(expected, actual))
        self.assertEqual([], self.diff(expected, actual,
                                       ignore_column_order=True))

    def test_column_order_of_common_columns_only(self):
        self.assertEqual(
            ['table t: column c: unexpected (TEXT NULL)'],
            self.diff('CREATE TABLE t (a TEXT, b TEXT)',
                      'CREATE TABLE t (a TEXT, c TEXT, b TEXT)'))

    def test_missing_and_unexpected_tables(self):
        self.assertEqual(
            ['table a: missing', 'table c: unexpected'],
            self.diff(('CREATE TABLE a (id INTEGER)',
                       'CREATE TABLE b (id INTEGER)'),
                      ('CREATE TABLE c (id INTEGER)',
                       'CREATE TABLE b (id INTEGER)')))

    def test_primary_key(self):
        self.assertEqual(
            ['table t: primary key: columns (a) != (a, b)'],
            self.diff('CREATE TABLE t (a TEXT NOT NULL, b TEXT NOT NULL, '
                      'PRIMARY KEY (a))',
                      'CREATE TABLE t (a TEXT NOT NULL, b TEXT NOT NULL, '
                      'PRIMARY KEY (a, b))'))

    def test_index_missing_and_unexpected(self):
        table = 'CREATE TABLE t (a TEXT, b TEXT)'
        self.assertEqual(
            ['table t: index ix_a (a): missing',
             'table t: index ix_b (b) unique: unexpected'],
            self.diff((table, 'CREATE INDEX ix_a ON t (a)'),
                      (table, 'CREATE UNIQUE INDEX ix_b ON t (b)')))

    def test_index_changed(self):
        table = 'CREATE TABLE t (a TEXT, b TEXT)'
        self.assertEqual(
            ['table t: index ix: columns (a) != (a, b)',
             'table t: index ix: unique False != True'],
            self.diff((table, 'CREATE INDEX ix ON t (a)'),
                      (table, 'CREATE UNIQUE INDEX ix ON t (a, b)')))

    def test_unique_constraints(self):
        self.assertEqual(
            ['table t: unique uq_a (a): missing',
             'table t: unique (b): unexpected'],
            self.diff('CREATE TABLE t (a TEXT, b TEXT, '
                      'CONSTRAINT uq_a UNIQUE (a))',
                      'CREATE TABLE t (a TEXT, b TEXT, UNIQUE (b))'))

    def test_unnamed_unique_constraints_compare_by_columns(self):
        self.assertEqual(
            [], self.diff('CREATE TABLE t (a TEXT, b TEXT, UNIQUE (a), '
                          'UNIQUE (b))',
                          'CREATE TABLE t (a TEXT, b TEXT, UNIQUE (b), '
                          'UNIQUE (a))'))

    def test_foreign_key_missing(self):
        self.assertEqual(
            ['table t: foreign key fk (p) -> p (id) ON DELETE CASCADE: '
             'missing'],
            self.diff('CREATE TABLE t (p INTEGER, CONSTRAINT fk FOREIGN KEY '
                      '(p) REFERENCES p (id) ON DELETE CASCADE)',
                      'CREATE TABLE t (p INTEGER)'))

    def test_foreign_key_action_changed(self):
        self.assertEqual(
            ['table t: foreign key fk: ondelete CASCADE != None'],
            self.diff('CREATE TABLE t (p INTEGER, CONSTRAINT fk FOREIGN KEY '
                      '(p) REFERENCES p (id) ON DELETE CASCADE)',
                      'CREATE TABLE t (p INTEGER, CONSTRAINT fk FOREIGN KEY '
                      '(p) REFERENCES p (id))'))

    def test_names_matter_unless_ignored(self):
        expected = ('CREATE TABLE t (a TEXT, CONSTRAINT uq_a UNIQUE (a))',
                    'CREATE INDEX ix_old ON t (a)')
        actual = ('CREATE TABLE t (a TEXT, CONSTRAINT uniq_t0a UNIQUE (a))',
                  'CREATE INDEX ix_new ON t (a)')
        self.assertEqual(
            ['table t: index ix_new (a): unexpected',
             'table t: index ix_old (a): missing',
             'table t: unique uniq_t0a (a): unexpected',
             'table t: unique uq_a (a): missing'],
            self.diff(expected, actual))
        self.assertEqual([], self.diff(expected, actual, ignore_names=True))

    def test_duplicate_indexes_counted_when_names_ignored(self):
        table = 'CREATE TABLE t (a TEXT)'
        self.assertEqual(
            ['table t: index (a): unexpected'],
            self.diff((table, 'CREATE INDEX ix_1 ON t (a)'),
                      (table, 'CREATE INDEX ix_1 ON t (a)',
                       'CREATE INDEX ix_2 ON t (a)'), ignore_names=True))

    def test_primary_key_name(self):
        self.assertEqual(
            ['table t: primary key: name pk_t != None'],
            self.diff('CREATE TABLE t (a TEXT, CONSTRAINT pk_t '
                      'PRIMARY KEY (a))',
                      'CREATE TABLE t (a TEXT, PRIMARY KEY (a))'))

    def test_stable_order_whatever_the_input_order(self):
        expected = self.snap('CREATE TABLE a (x TEXT)',
                             'CREATE TABLE b (x TEXT)')
        actual = self.snap('CREATE TABLE a (x INTEGER)',
                           'CREATE TABLE b (y TEXT)')
        problems = schema.diff(expected, actual)
        shuffled = schema.Snapshot(actual.dialect, actual.tables[::-1])
        self.assertEqual(problems, schema.diff(expected, shuffled))
        self.assertEqual(
            ['table a: column x: type TEXT != INTEGER',
             'table b: column x: missing (TEXT NULL)',
             'table b: column y: unexpected (TEXT NULL)'], problems)

    def test_dialect_mismatch(self):
        self.assertEqual(
            ['dialect: sqlite != mysql'],
            schema.diff(schema.Snapshot('sqlite'), schema.Snapshot('mysql')))
