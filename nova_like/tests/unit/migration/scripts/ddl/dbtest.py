"""A step's connection on each backend, for DDL and changeset tests.

The connection comes from nova_like's own engine factory (on SQLite it
emits BEGIN itself, so DDL is transactional) and is in a transaction the
way the runner runs a step.  :meth:`StepTestCase.prepare` commits a
starting schema with rows first, so that a rolled-back step can be
compared with it.
"""
import sqlalchemy as sa

from nova_like.migration import engines
from nova_like.tests import backends


def sample_metadata():
    """``parent`` and ``child``: every kind of constraint and an index."""
    metadata = sa.MetaData()
    sa.Table('parent', metadata,
             sa.Column('id', sa.Integer, primary_key=True,
                       autoincrement=False),
             sa.Column('name', sa.String(20)))
    child = sa.Table(
        'child', metadata,
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=False),
        sa.Column('name', sa.String(20), nullable=False),
        sa.Column('size', sa.Integer, server_default='0'),
        sa.Column('parent_id', sa.Integer),
        sa.UniqueConstraint('name', name='uq_child_name'),
        sa.ForeignKeyConstraint(['parent_id'], ['parent.id'],
                                name='fk_child_parent', ondelete='CASCADE'),
        sa.CheckConstraint('size >= 0', name='ck_child_size'))
    sa.Index('ix_child_size', child.c.size)
    return metadata


SAMPLE_ROWS = {
    'parent': [{'id': 1, 'name': 'p1'}, {'id': 2, 'name': 'p2'}],
    'child': [{'id': 1, 'name': 'a', 'size': 3, 'parent_id': 1},
              {'id': 2, 'name': 'b', 'size': 4, 'parent_id': 2}],
}


class StepTestCase(backends.BackendTestCase):
    """``self.connection``: a Connection of the backend, like a step's."""

    def setUp(self):
        super(StepTestCase, self).setUp()
        self.step_engine = engines.create_engine(self.url)
        self.addCleanup(self.step_engine.dispose)
        self.connection = self.step_engine.connect()
        self.addCleanup(self.connection.close)
        self.addCleanup(self._end_step)

    def _end_step(self):
        if self.connection.in_transaction():
            self.connection.rollback()

    def prepare(self, metadata=None, rows=None):
        """Commit a schema and rows, then begin the step's transaction.

        :param metadata: default: :func:`sample_metadata`
        :param rows: ``{table name: [row dicts]}``, default SAMPLE_ROWS
        :returns: the MetaData
        """
        metadata = sample_metadata() if metadata is None else metadata
        rows = SAMPLE_ROWS if rows is None else rows
        with self.connection.begin():
            metadata.create_all(self.connection)
            for table in metadata.sorted_tables:
                if rows.get(table.name):
                    self.connection.execute(table.insert(), rows[table.name])
        self.connection.begin()
        return metadata

    def inspector(self):
        return sa.inspect(self.connection)

    def column_info(self, table_name, column_name):
        """The inspector's dict for a column, or None."""
        return next((column for column in self.inspector().get_columns(
            table_name) if column['name'] == column_name), None)

    def column_names(self, table_name):
        return [column['name']
                for column in self.inspector().get_columns(table_name)]

    def rows(self, table_name, *columns):
        """All rows of a table as tuples, sorted (given columns or all)."""
        table = sa.table(table_name, *[sa.column(name) for name in (
            columns or self.column_names(table_name))])
        return sorted(tuple(row) for row in self.connection.execute(
            sa.select(*table.columns)))

    def index_names(self, table_name):
        return sorted(index['name']
                      for index in self.inspector().get_indexes(table_name))

    def index_columns(self, table_name):
        """``{index name: [column names]}``."""
        return {index['name']: index['column_names']
                for index in self.inspector().get_indexes(table_name)}

    def unique_names(self, table_name):
        return sorted(unique['name'] for unique in
                      self.inspector().get_unique_constraints(table_name))

    def foreign_keys(self, table_name):
        """``{name: (columns, referred table, referred columns, ondelete)}``.

        Names are None where the database does not report them.
        """
        return {fk['name']: (fk['constrained_columns'], fk['referred_table'],
                             fk['referred_columns'],
                             fk['options'].get('ondelete'))
                for fk in self.inspector().get_foreign_keys(table_name)}

    def check_names(self, table_name):
        return sorted(check['name'] for check in
                      self.inspector().get_check_constraints(table_name))

    def primary_key(self, table_name):
        return self.inspector().get_pk_constraint(table_name)[
            'constrained_columns']

    def key_columns(self, table_name, name):
        """The columns of the primary key ``name``.

        On SQLite a key added to an existing table is a unique index of
        that name, as sqlalchemy-migrate made it.
        """
        if self.backend == 'sqlite':
            for index in self.inspector().get_indexes(table_name):
                if index['name'] == name and index['unique']:
                    return index['column_names']
        return self.primary_key(table_name)
