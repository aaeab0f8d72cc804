from oslotest import base
import sqlalchemy as sa

from nova_like.db import models
from nova_like.db import online_migrations
from nova_like.migration import online
from nova_like.migration import removed_fields

ROWS = [('old', 'a', None), ('new', None, 'b'), ('both', 'c', 'd'),
        ('none', None, None)]


class TestMigrateInstanceHostName(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        engine = sa.create_engine('sqlite://')
        # The schema between 118 and 119: the models plus hostname.
        metadata = removed_fields.expected_metadata(models.BASE)
        metadata.create_all(engine)
        self.instances = metadata.tables['instances']
        self.connection = engine.connect()
        self.addCleanup(self.connection.close)
        with self.connection.begin():
            self.connection.execute(self.instances.insert(), [
                {'uuid': uuid, 'hostname': old, 'host_name': new}
                for uuid, old, new in ROWS])

    def test_copies_only_what_new_code_did_not_write(self):
        condition = models.Instance.hostname.condition
        self.assertFalse(condition.check(self.connection))
        context = online.Context(self.connection)
        self.assertEqual((1, 1), online_migrations.migrate_instance_host_name(
            context, 50))
        self.assertEqual((0, 0), online_migrations.migrate_instance_host_name(
            context, 50))
        self.assertTrue(condition.check(self.connection))
        rows = self.connection.execute(sa.select(
            self.instances.c.uuid, self.instances.c.host_name)).all()
        self.assertEqual({('old', 'a'), ('new', 'b'), ('both', 'd'),
                          ('none', None)}, set(rows))
