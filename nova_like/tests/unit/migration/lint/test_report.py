import json
import os

from oslotest import base

from nova_like.migration.lint import findings
from nova_like.migration.lint import report

FOUND = [
    findings.Finding.make('/repo/versions/002_a.py', 7, 'NL102',
                          "column 'x' is added with no existence guard"),
    findings.Finding.make('/elsewhere/releases.cfg', 3, 'NL113', 'bad'),
]


class TestReport(base.BaseTestCase):

    def test_json_array_with_the_required_keys(self):
        items = json.loads(report.as_json(FOUND, cwd='/repo'))
        self.assertEqual(2, len(items))
        self.assertEqual({'path': os.path.join('versions', '002_a.py'),
                          'line': 7, 'code': 'NL102',
                          'title': 'column added with no existence guard',
                          'message': "column 'x' is added with no existence "
                                     "guard",
                          'fix': findings.CODES['NL102'][1]}, items[0])
        # Outside the working directory: absolute.
        self.assertEqual('/elsewhere/releases.cfg', items[1]['path'])

    def test_empty_json(self):
        self.assertEqual([], json.loads(report.as_json([])))

    def test_text_lines(self):
        lines = report.as_text(FOUND, cwd='/repo').splitlines()
        self.assertEqual("versions/002_a.py:7: NL102 column 'x' is added "
                         "with no existence guard", lines[0])
        self.assertTrue(lines[1].startswith('    fix: wrap it in'))
        self.assertEqual(4, len(lines))

    def test_summary(self):
        self.assertEqual('no findings in 12 scripts', report.summary([], 12))
        self.assertEqual(
            '2 findings in 12 scripts (NL102 column added with no existence '
            'guard, NL113 inconsistent backport record)',
            report.summary(FOUND, 12))
