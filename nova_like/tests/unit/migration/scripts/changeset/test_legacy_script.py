"""A legacy script using the migrate API, in the real script environment."""
import sys

import sqlalchemy as sa

from nova_like.migration.scripts import environment
from nova_like.tests import backends
from nova_like.tests.unit.migration.scripts.ddl import dbtest

load_tests = backends.load_tests

# Written the way scripts of the era were, import spellings included.
SCRIPT = '''
from sqlalchemy import *
from migrate import *
from migrate.changeset import UniqueConstraint as Unique
from migrate.changeset.constraint import ForeignKeyConstraint as ForeignKey
from migrate.exceptions import NotSupportedError
import migrate

RESULT = {}


def upgrade(migrate_engine):
    meta = MetaData()
    meta.bind = migrate_engine
    parent = Table('parent', meta, autoload=True)
    child = Table('child', meta, autoload=True)
    child.create_column(Column('colour', String(10), default='red'))
    child.c.size.alter(name='weight', nullable=False)
    Unique('colour', 'id', table=child, name='uq_child_colour').create()
    ForeignKey(columns=[child.c.parent_id], refcolumns=[parent.c.id],
               name='fk_child_parent').drop()
    migrate.changeset.constraint.ForeignKeyConstraint(
        columns=[child.c.parent_id], refcolumns=[parent.c.id],
        ondelete='SET NULL').create()
    for index in child.indexes:
        if index.name == 'ix_child_size':
            index.rename('ix_child_weight')
    child.rename('kid')
    try:
        Index('ix_nowhere').rename('ix_elsewhere')
    except NotSupportedError as error:
        RESULT['error'] = str(error)
    RESULT['rows'] = select([child.c.id, child.c.weight,
                             child.c.colour]).execute().fetchall()
'''


class TestLegacyScript(dbtest.StepTestCase):

    def test_upgrade(self):
        self.prepare()
        namespace = {}
        with environment.installed(self.connection) as migrate_engine:
            exec(SCRIPT, namespace)
            namespace['upgrade'](migrate_engine)
        result = namespace['RESULT']
        self.assertEqual([(1, 3, 'red'), (2, 4, 'red')],
                         sorted(tuple(row) for row in result['rows']))
        self.assertIn('belongs to no Table', result['error'])
        self.assertEqual(['id', 'name', 'weight', 'parent_id', 'colour'],
                         self.column_names('kid'))
        self.assertFalse(self.column_info('kid', 'weight')['nullable'])
        self.assertIn('uq_child_colour', self.unique_names('kid'))
        self.assertEqual({'child_parent_id_fkey': (['parent_id'], 'parent',
                                                   ['id'], 'SET NULL')},
                         self.foreign_keys('kid'))
        self.assertIn('ix_child_weight', self.index_names('kid'))
        # Nothing of the environment is left behind.
        self.assertNotIn('migrate', sys.modules)
        self.assertFalse(hasattr(sa.Column('x', sa.Integer), 'alter'))
