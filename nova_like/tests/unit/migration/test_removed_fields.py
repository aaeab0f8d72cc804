from oslotest import base
import sqlalchemy as sa
from sqlalchemy import orm

from nova_like.migration import conditions
from nova_like.migration import removed_fields


class Migrated(conditions.Condition):
    description = 'names migrated'


class TestRemovedField(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        self.base = orm.declarative_base()
        self.migrated = Migrated()
        migrated = self.migrated

        class Widget(self.base):
            __tablename__ = 'widgets'
            id = sa.Column(sa.Integer, primary_key=True)
            label = sa.Column(sa.String(64))
            # One condition covers both columns.
            name = removed_fields.RemovedField(
                original=sa.String(64), condition=migrated)
            size = removed_fields.RemovedField(
                original=sa.Integer, condition=migrated, nullable=False,
                server_default='0')

        self.widget = Widget

    def test_not_mapped(self):
        self.assertEqual(['id', 'label'],
                         self.widget.__table__.columns.keys())

    def test_use_refused(self):
        widget = self.widget(label='x')
        error = self.assertRaises(AttributeError, getattr, widget, 'name')
        self.assertEqual('Widget.name is a removed field (the schema keeps '
                         'it until: names migrated)', str(error))
        self.assertRaises(AttributeError, self.widget, name='x')

    def test_expected_metadata_adds_them_to_a_copy(self):
        metadata = removed_fields.expected_metadata(self.base)
        widgets = metadata.tables['widgets']
        self.assertEqual(['id', 'label', 'name', 'size'],
                         widgets.columns.keys())
        self.assertFalse(widgets.c.size.nullable)
        self.assertEqual('0', widgets.c.size.server_default.arg)
        self.assertEqual(['id', 'label'],
                         self.base.metadata.tables['widgets'].columns.keys())

    def test_conditions_are_distinct(self):
        self.assertEqual([self.migrated],
                         removed_fields.conditions(self.base))
