"""A running legacy script, as far as the changeset API can tell.

The changeset methods are installed with ``fixtures.MonkeyPatch`` and a
small bind offering what a script's ``migrate_engine`` offers is the
current bind, on the step's connection of each backend.
"""
import fixtures
import sqlalchemy as sa

from nova_like.migration.scripts import changeset
from nova_like.migration.scripts import context
from nova_like.tests.unit.migration.scripts.ddl import dbtest


class FakeBind(object):
    """``.connection``, ``.dialect`` and ``.name``, like a LegacyEngine."""

    def __init__(self, connection):
        self.connection = connection

    dialect = property(lambda self: self.connection.dialect)
    name = property(lambda self: self.connection.dialect.name)


class PatchesFixture(fixtures.Fixture):
    """The changeset methods on SQLAlchemy's classes, then gone again."""

    def _setUp(self):
        for owner, name, function in changeset.PATCHES:
            path = '%s.%s.%s' % (owner.__module__, owner.__qualname__, name)
            self.useFixture(fixtures.MonkeyPatch(path, function))


class ScriptFixture(fixtures.Fixture):
    """:class:`PatchesFixture` plus ``bind`` as the running script's."""

    def __init__(self, bind):
        super(ScriptFixture, self).__init__()
        self.bind = bind

    def _setUp(self):
        self.useFixture(PatchesFixture())
        active = context.active(self.bind)
        active.__enter__()
        self.addCleanup(active.__exit__, None, None, None)


class ChangesetTestCase(dbtest.StepTestCase):
    """The sample schema committed, a step begun, a script running."""

    def setUp(self):
        super(ChangesetTestCase, self).setUp()
        self.prepare()
        self.bind = FakeBind(self.connection)
        self.useFixture(ScriptFixture(self.bind))

    def load(self, name, metadata=None):
        """Reflect a table, as ``Table(name, meta, autoload=True)`` does."""
        return sa.Table(name, metadata if metadata is not None else
                        sa.MetaData(), autoload_with=self.connection)

    def create_pairs(self, primary_key=()):
        """Table ``pairs(a, b)``, one row (1, 2), keyed on ``primary_key``.

        :returns: the reflected Table
        """
        table = sa.Table('pairs', sa.MetaData(),
                         sa.Column('a', sa.Integer, nullable=False,
                                   autoincrement=False),
                         sa.Column('b', sa.Integer, nullable=False,
                                   autoincrement=False))
        if primary_key:
            table.append_constraint(sa.PrimaryKeyConstraint(
                *primary_key, name='pairs_pkey'))
        table.create(self.connection)
        self.connection.execute(table.insert(), [{'a': 1, 'b': 2}])
        return self.load('pairs')
