from oslotest import base

from nova_like.cmd import sync_phases
from nova_like import exception
from nova_like.migration import phases


class TestChosen(base.BaseTestCase):

    def test_phases(self):
        self.assertIsNone(sync_phases.chosen())
        self.assertIsNone(sync_phases.chosen(version=3))
        self.assertIsNone(sync_phases.chosen(check=True))
        self.assertEqual(phases.EXPAND, sync_phases.chosen(expand=True))
        self.assertEqual(phases.CONTRACT, sync_phases.chosen(contract=True))

    def test_exclusive(self):
        error = self.assertRaises(exception.ConfigError, sync_phases.chosen,
                                  expand=True, contract=True)
        self.assertEqual('db sync: --expand and --contract cannot be '
                         'combined', error.message)
        error = self.assertRaises(exception.ConfigError, sync_phases.chosen,
                                  version=118, check=True)
        self.assertEqual('db sync: --check cannot be combined with VERSION '
                         '118', error.message)
