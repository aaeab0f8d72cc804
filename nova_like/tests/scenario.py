"""Scenario repositories for tests, written on the fly.

Like Alembic's ``staging_env``/``write_script``: each test builds the small
repository it needs instead of copying fixtures around.
"""
import os
import textwrap

import fixtures

MIGRATE_CFG = """[db_settings]
repository_id={repository_id}
version_table={version_table}
required_dbs=[]
use_timestamp_numbering=False
"""

PLACEHOLDER = """# This is a placeholder for backports.
# Do not use this number for new work.


def upgrade(migrate_engine):
    pass
"""


def script_source(upgrade, downgrade=None, header=''):
    """Source of a version script whose functions run the given bodies."""
    parts = [textwrap.dedent(header).strip() + '\n\n' if header else '']
    for name, body in (('upgrade', upgrade), ('downgrade', downgrade)):
        if body is not None:
            parts.append('\ndef %s(migrate_engine):\n%s\n' % (
                name, textwrap.indent(textwrap.dedent(body).strip(), '    ')))
    return ''.join(parts)


class RepositoryFixture(fixtures.Fixture):
    """A migrate repository in a temporary directory."""

    def __init__(self, repository_id='test_repo',
                 version_table='migrate_version'):
        super().__init__()
        self.repository_id = repository_id
        self.version_table = version_table

    def _setUp(self):
        self.path = os.path.join(
            self.useFixture(fixtures.TempDir()).path, 'repo')
        self.versions = os.path.join(self.path, 'versions')
        os.makedirs(self.versions)
        self.write_file('migrate.cfg', MIGRATE_CFG.format(
            repository_id=self.repository_id,
            version_table=self.version_table))

    def write_file(self, relative_path, text, mode='w'):
        path = os.path.join(self.path, relative_path)
        with open(path, mode) as target:
            target.write(text)
        return path

    def write_script(self, version, upgrade='pass', downgrade=None,
                     name='change', header=''):
        """Write ``versions/NNN_name.py`` running ``upgrade``."""
        return self.write_file(
            'versions/%03d_%s.py' % (version, name),
            script_source(upgrade, downgrade, header))

    def write_placeholder(self, *versions):
        for version in versions:
            self.write_file('versions/%03d_placeholder.py' % version,
                            PLACEHOLDER)

    def write_sql(self, version, dialect, sql, operation='upgrade',
                  name='change'):
        return self.write_file('versions/%03d_%s_%s_%s.sql' % (
            version, name, dialect, operation), sql)

    def write_releases(self, text):
        return self.write_file('releases.cfg', textwrap.dedent(text))
