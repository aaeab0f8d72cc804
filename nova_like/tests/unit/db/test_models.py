from oslotest import base

from nova_like.db import models
from nova_like.migration import api
from nova_like.migration import phases
from nova_like.migration import removed_fields


class TestRemovedFieldsAreGated(base.BaseTestCase):

    def test_each_condition_gates_a_contract_script(self):
        repository = api.load_repository()
        gating = {path for script in repository.scripts.values()
                  for path in phases.conditions_of(script)}
        conditions = removed_fields.conditions(models.BASE)
        self.assertNotEqual([], conditions)
        for condition in conditions:
            path = '%s:%s' % (type(condition).__module__,
                              type(condition).__name__)
            self.assertIn(path, gating)
