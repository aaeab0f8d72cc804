"""The corpus: good and bad scripts in the style of 2012-2020 projects.

Each file of ``corpus/`` starts with ``# corpus-role: ROLE [key=value]``
and marks the lines where findings are due with ``# expect: CODE...``
(``--`` comments in SQL).  It is put into a small repository where ROLE
makes it what it should be (a filled slot, a master twin, a placeholder,
an ordinary script...), the whole linter runs, and the findings must be
exactly the marked ones: nothing missed, no false positive.
"""
import os
import re

from oslotest import base
import testscenarios

from nova_like.migration.lint import findings
from nova_like.migration.lint import linter
from nova_like.tests import scenario

CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'corpus')
_ROLE = re.compile(r'^(?:#|--) corpus-role: (?P<role>[\w-]+)(?P<extra>.*)$',
                   re.MULTILINE)
_EXPECT = re.compile(r'(?:#|--) expect: (?P<codes>NL\d{3}(?: NL\d{3})*)\s*$')
# Codes a single script can earn; repository-level rules have their own
# tests (test_rules_twins, test_rules_lock, test_numbering).
SCRIPT_CODES = ['NL001'] + ['NL1%02d' % number for number in range(1, 12)] + [
    'NL207', 'NL208', 'NL209']

# role -> (version of the corpus script, [backports] line or None)
_ROLES = {
    'slot': (2, '2 = 9'),
    'twin': (4, '2 = 4'),
    'backportable': (4, None),
    'script': (4, None),
    'reversible': (4, None),
    'placeholder': (3, None),
}


def corpus_files():
    return sorted(name for name in os.listdir(CORPUS)
                  if name.endswith(('.py.txt', '.sql.txt')))


def read(name):
    with open(os.path.join(CORPUS, name), encoding='utf-8') as corpus_file:
        return corpus_file.read()


def expected(text):
    """{(line, code)} marked in ``text``."""
    marks = set()
    for number, line in enumerate(text.splitlines(), 1):
        match = _EXPECT.search(line)
        if match:
            marks.update((number, code)
                         for code in match.group('codes').split())
    return marks


class TestCorpus(testscenarios.WithScenarios, base.BaseTestCase):

    scenarios = [(name, {'corpus_file': name}) for name in corpus_files()]

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())

    def _install(self, text):
        """Write the scenario repository; return the corpus script's path."""
        header = _ROLE.search(text)
        self.assertIsNotNone(header, 'no corpus-role line')
        version, twin = _ROLES[header.group('role')]
        self.repo.write_script(1, name='initial')
        self.repo.write_placeholder(2, 3)
        lines = ['[placeholders]', 'havana = 2-3']
        if twin:
            lines += ['[backports]', twin]
        lines += ['[lint]'] + [item.replace('=', ' = ') for item in
                               header.group('extra').split()]
        if header.group('role') == 'reversible':
            lines.append('require_downgrade = true')
        self.repo.write_releases('\n'.join(lines) + '\n')
        return self._write(version, header.group('role'), text)

    def _write(self, version, role, text):
        stem = self.corpus_file.split('.')[0].lower()
        if version in (2, 3):
            os.unlink(os.path.join(self.repo.versions,
                                   '%03d_placeholder.py' % version))
        if self.corpus_file.endswith('.sql.txt'):
            return self.repo.write_file('versions/%03d_%s_mysql_upgrade.sql'
                                        % (version, stem), text)
        name = 'placeholder' if role == 'placeholder' else stem
        return self.repo.write_file('versions/%03d_%s.py' % (version, name),
                                    text)

    def test_findings_are_exactly_the_marked_ones(self):
        text = read(self.corpus_file)
        path = self._install(text)
        result = linter.lint(self.repo.path)
        self.assertEqual([], [item for item in result.findings
                              if item.path != path])
        self.assertEqual(sorted(expected(text)),
                         sorted((item.line, item.code)
                                for item in result.findings))


class TestCorpusCoverage(base.BaseTestCase):

    def test_bad_scripts_are_marked_and_good_ones_are_not(self):
        for name in corpus_files():
            marks = expected(read(name))
            self.assertEqual(name.startswith('bad_'), bool(marks), name)

    def test_every_script_rule_has_cases_that_fire_and_that_must_not(self):
        fired = {code for name in corpus_files()
                 for _line, code in expected(read(name))}
        self.assertEqual(sorted(SCRIPT_CODES), sorted(fired))
        for code in SCRIPT_CODES[1:]:
            self.assertTrue(any(name.startswith('good_%s_' % code)
                                for name in corpus_files()), code)

    def test_at_least_forty_scripts(self):
        self.assertGreaterEqual(len(corpus_files()), 40)

    def test_codes_exist(self):
        for code in SCRIPT_CODES:
            self.assertIn(code, findings.CODES)
