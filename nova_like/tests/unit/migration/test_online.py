from oslotest import base
import sqlalchemy as sa

from nova_like.migration import online

ITEMS = sa.table('items', sa.column('id'), sa.column('done'))


def mark_items(context, max_count):
    ids = context.connection.execute(
        sa.select(ITEMS.c.id).where(ITEMS.c.done == 0).limit(max_count)
    ).scalars().all()
    context.connection.execute(ITEMS.update().where(
        ITEMS.c.id.in_(ids)).values(done=1))
    return len(ids), len(ids)


def stuck(context, max_count):
    return 3, 0


class TestRun(base.BaseTestCase):

    def setUp(self):
        super().setUp()
        engine = sa.create_engine('sqlite://')
        self.connection = engine.connect()
        self.addCleanup(self.connection.close)
        with self.connection.begin():
            self.connection.execute(sa.text(
                'CREATE TABLE items (id INTEGER PRIMARY KEY, done INTEGER)'))
            self.connection.execute(ITEMS.insert(), [
                {'id': index, 'done': 0} for index in range(120)])

    def totals(self, report):
        return [(tally.name, tally.found, tally.done)
                for tally in report.tallies]

    def test_batches_until_nothing_is_left(self):
        report = online.run(self.connection, [mark_items])
        self.assertEqual([('mark_items', 120, 120)], self.totals(report))
        self.assertFalse(report.more_to_do)

    def test_max_count_shared_in_order(self):
        report = online.run(self.connection, [mark_items, mark_items], 100)
        self.assertEqual([('mark_items', 100, 100), ('mark_items', 0, 0)],
                         self.totals(report))
        self.assertTrue(report.more_to_do)
        report = online.run(self.connection, [mark_items], 100)
        self.assertEqual([('mark_items', 20, 20)], self.totals(report))
        self.assertFalse(report.more_to_do)

    def test_rows_found_but_not_migrated_are_more_to_do(self):
        report = online.run(self.connection, [stuck, mark_items])
        self.assertEqual([('stuck', 3, 0), ('mark_items', 120, 120)],
                         self.totals(report))
        self.assertTrue(report.more_to_do)

    def test_a_failing_migration_is_rolled_back(self):
        def half_then_fail(context, max_count):
            mark_items(context, 10)
            raise ValueError('bad row\n 7')

        report = online.run(self.connection, [half_then_fail], 50)
        self.assertEqual(['ValueError: bad row 7'],
                         [tally.error for tally in report.errors])
        self.assertEqual(0, self.connection.execute(sa.text(
            'SELECT count(*) FROM items WHERE done = 1')).scalar())
