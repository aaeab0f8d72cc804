"""Fuzzed bad input: always one clear line, never a traceback, nothing written.

The cases are generated from fixed seeds (reproducible): malformed
migrate.cfg, empty, binary and garbage version files, odd names, huge
version numbers, missing folders and garbage database URLs.
"""
import os
import random
import shutil
import string

import testscenarios

from nova_like.tests.functional.cmd import test_manage
from nova_like.tests import scenario

load_tests = testscenarios.load_tests_apply_scenarios

SECRET = 'pw-s3cret'
WORK = 'migrate_engine.execute("SELECT 1")'


def _garbage_text(rng, size=120):
    return ''.join(rng.choice(string.printable) for _ in range(size))


def _garbage_bytes(rng, size=120):
    return bytes(rng.randrange(256) for _ in range(size))


def _cfg_cases(rng):
    cases = {
        'cfg_empty': '', 'cfg_section_only': '[db_settings]\n',
        'cfg_empty_id': '[db_settings]\nrepository_id=\n',
        'cfg_empty_table': '[db_settings]\nrepository_id=x\n'
                           'version_table= \n',
        'cfg_duplicate_key': '[db_settings]\nrepository_id=a\n'
                             'repository_id=b\n',
        'cfg_no_section': 'repository_id=x\n',
    }
    for index in range(8):
        cases['cfg_garbage_%d' % index] = _garbage_text(rng)
        cases['cfg_binary_%d' % index] = _garbage_bytes(rng)
    return [(name, {'kind': 'cfg', 'payload': payload})
            for name, payload in sorted(cases.items())]


def _script_cases(rng):
    cases = {
        'script_empty': ('001_empty.py', ''),
        'script_not_callable': ('001_x.py', 'upgrade = 1\n'),
        'script_null_bytes': ('001_x.py', 'def upgrade(e):\n\x00pass\n'),
        'script_unicode_name': ('001_ünï cödé.py', 'def upgrade(:\n'),
        'script_huge_version': ('%d_x.py' % (2 ** 64), 'pass\n'),
        'script_bad_sql_name': ('001.sql', 'SELECT 1;'),
        'script_binary_sql': ('001_x_default_upgrade.sql', b'\xff\xfe\x00'),
        'script_quote_name': ('001_it\'s "x".py', 'def upgrade(e)\n'),
    }
    for index in range(8):
        cases['script_garbage_%d' % index] = (
            '001_garbage.py', _garbage_text(rng))
        cases['script_binary_%d' % index] = (
            '001_binary.py', _garbage_bytes(rng))
    return [(name, {'kind': 'script', 'payload': payload})
            for name, payload in sorted(cases.items())]


def _url_cases(rng):
    urls = ['', 'nonsense', '://', 'sqlite:////nonexistent/dir/x.db',
            'mysql+pymysql://u:%s@127.0.0.1:1/db' % SECRET,
            'postgresql+psycopg2://u:%s@[::1/db' % SECRET,
            'postgresql://u:%s@256.256.256.256:99999/db' % SECRET,
            'nosuchdriver://u:%s@h/d' % SECRET]
    for index in range(8):
        urls.append(_garbage_text(rng, 40).replace('\n', ' ') + ':%s@x' %
                    SECRET)
    return [('url_%02d' % index, {'kind': 'url', 'payload': url})
            for index, url in enumerate(urls)]


def _folder_cases():
    return [(name, {'kind': 'folder', 'payload': name}) for name in
            ('folder_no_versions', 'folder_repo_is_a_file',
             'folder_missing')]


_RNG = random.Random(20261122)
CASES = (_cfg_cases(_RNG) + _script_cases(_RNG) + _url_cases(_RNG) +
         _folder_cases())


class TestFuzzedBadInput(test_manage.ManageTestCase):

    scenarios = CASES

    def setUp(self):
        super().setUp()
        self.repo = self.useFixture(scenario.RepositoryFixture())
        if self.kind != 'script':
            self.repo.write_script(1, WORK)
        getattr(self, '_prepare_' + self.kind)(self.payload)

    def _prepare_cfg(self, payload):
        mode = 'wb' if isinstance(payload, bytes) else 'w'
        self.repo.write_file('migrate.cfg', payload, mode)

    def _prepare_script(self, payload):
        name, content = payload
        mode = 'wb' if isinstance(content, bytes) else 'w'
        self.repo.write_file('versions/' + name, content, mode)

    def _prepare_url(self, payload):
        self.useFixture(scenario.fixtures.EnvironmentVariable(
            'OS_DATABASE__CONNECTION', payload))

    def _prepare_folder(self, payload):
        if payload == 'folder_no_versions':
            shutil.rmtree(self.repo.versions)
        elif payload == 'folder_repo_is_a_file':
            shutil.rmtree(self.repo.path)
            with open(self.repo.path, 'w') as not_a_folder:
                not_a_folder.write('not a repository')
        else:
            shutil.rmtree(self.repo.path)

    def test_clear_error_and_nothing_written(self):
        commands = [('db', 'sync'), ('db', 'version'), ('db', 'status')]
        if self.kind != 'script':
            # Stamping runs no script: a broken one is no error there.
            commands.append(('db', 'version_control'))
        for argv in commands:
            result = self.manage('--repository', self.repo.path, *argv)
            self.assertNotEqual(0, result.code, (argv, result))
            lines = result.err.strip().splitlines()
            self.assertEqual(1, len(lines), (argv, result.err))
            self.assertTrue(lines[0].startswith(('ERROR: ',
                                                 'project-manage: ')))
            self.assertNotIn('ERROR: unexpected', result.err)
            self.assertNotIn('Traceback', result.err + result.out)
            self.assertNotIn(SECRET, result.err + result.out)
            self.assertFalse(os.path.exists(self.manage.database),
                             (argv, result))
