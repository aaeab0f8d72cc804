"""Time ``project-manage repo lint`` on a generated 1,000-script repository.

Usage::

    python benchmarks/lint_1000.py [--runs N] [--scripts N] [--keep]

The repository looks like a long-lived project's: ten releases of 90
scripts each (tables, columns, indexes, constraints, data fixes, a few SQL
scripts), ten reserved placeholders after each, a guarded master twin for
two slots of each range, and every release but the last locked in
``releases.lock``.  Each run is a whole ``project-manage`` process, as a
developer or a pre-commit hook starts it; the figures are wall-clock
seconds.  The target is a median under 1 s.  These machines drift by about
+/-30% between batches: compare figures from one batch.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET_SECONDS = 1.0
PER_RELEASE = 100
PLACEHOLDERS = 10

MIGRATE_CFG = """[db_settings]
repository_id=lint benchmark
version_table=migrate_version
required_dbs=[]
use_timestamp_numbering=False
"""

CREATE_TABLE = '''"""Release {release}: the {name} table."""
from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table
from sqlalchemy import UniqueConstraint


def upgrade(migrate_engine):
    meta = MetaData()
    meta.bind = migrate_engine
    table = Table('{name}', meta,
                  Column('created_at', DateTime),
                  Column('id', Integer, primary_key=True, nullable=False),
                  Column('uuid', String(36), nullable=False),
                  Column('name', String(255)),
                  UniqueConstraint('uuid', name='uniq_{name}0uuid'),
                  mysql_engine='InnoDB',
                  mysql_charset='utf8')
    table.create()
'''

ADD_COLUMN = '''# Copyright 2014 OpenStack Foundation
#
#    Licensed under the Apache License, Version 2.0 (the "License"); you may
#    not use this file except in compliance with the License.
from sqlalchemy import Column, MetaData, String, Table


def upgrade(migrate_engine):
    meta = MetaData(bind=migrate_engine)
    table = Table('{table}', meta, autoload=True)
    table.create_column(Column('{column}', String(255)))
'''

ADD_INDEX = '''from sqlalchemy import Index, MetaData, Table


def upgrade(migrate_engine):
    meta = MetaData(bind=migrate_engine)
    table = Table('{table}', meta, autoload=True)
    Index('{table}_{column}_idx', table.c.{column}).create(migrate_engine)
'''

DATA_FIX = '''from sqlalchemy import MetaData, Table


def upgrade(migrate_engine):
    meta = MetaData(bind=migrate_engine)
    table = Table('{table}', meta, autoload=True)
    table.update().where(table.c.{column} == None).values(  # noqa
        {column}='').execute()
'''

SQL_SCRIPT = 'ALTER TABLE {table} ADD COLUMN {column}_count INTEGER;\n'

TWIN = '''"""Backported to {release} (slot {slot}): must run twice."""
from sqlalchemy import Column, Integer, MetaData, Table


def upgrade(migrate_engine):
    meta = MetaData(bind=migrate_engine)
    table = Table('{table}', meta, autoload=True)
    if not hasattr(table.c, '{column}'):
        table.create_column(Column('{column}', Integer))
'''

PLACEHOLDER = '''# This is a placeholder for backports.
# Do not use this number for new work.


def upgrade(migrate_engine):
    pass
'''


def write(path, text):
    with open(path, 'w') as target:
        target.write(text)


class Generator(object):
    """Writes the repository, release by release."""

    def __init__(self, path, scripts):
        self.path = path
        self.versions = os.path.join(path, 'versions')
        self.scripts = scripts
        self.tables = []
        self.lines = {'releases': [], 'placeholders': [], 'backports': []}

    def run(self):
        os.makedirs(self.versions)
        write(os.path.join(self.path, 'migrate.cfg'), MIGRATE_CFG)
        write(os.path.join(self.versions, '__init__.py'), '')
        version, release = 1, 0
        while version <= self.scripts:
            version = self.release(version, 'release%02d' % release)
            release += 1
        write(os.path.join(self.path, 'releases.cfg'), ''.join(
            '[%s]\n%s\n' % (section, ''.join(line + '\n' for line in lines))
            for section, lines in self.lines.items()))

    def release(self, first, name):
        """Scripts of one release, then the placeholders reserved for it."""
        last = min(first + PER_RELEASE - PLACEHOLDERS - 1, self.scripts)
        slot = last + 1
        for version in range(first, last + 1):
            self.script(version, name, first)
        self.lines['releases'].append('%s = %d-%d' % (name, first, last))
        end = min(last + PLACEHOLDERS, self.scripts)
        if slot <= end:
            for version in range(slot, end + 1):
                write(os.path.join(self.versions, '%03d_placeholder.py'
                                   % version), PLACEHOLDER)
            self.lines['placeholders'].append('%s = %d-%d' % (
                name, slot, end))
        return end + 1

    def script(self, version, release, first):
        kind = (version - first) % 9
        if kind in (0, 5) or not self.tables:
            name = 't%04d' % version
            self.tables.append(name)
            self.py(version, 'create_%s' % name, CREATE_TABLE.format(
                release=release, name=name))
            return
        table = self.tables[version % len(self.tables)]
        column = 'c%04d' % version
        if kind == 8 and version - first in (44, 62) and \
                self.lines['placeholders']:
            self.twin(version, release, table, column)
        elif kind in (1, 6):
            self.py(version, 'add_%s_%s' % (table, column),
                    ADD_COLUMN.format(table=table, column=column))
        elif kind in (2, 7):
            self.py(version, 'index_%s' % table,
                    ADD_INDEX.format(table=table, column='name'))
        elif kind == 3:
            self.py(version, 'fix_%s' % table,
                    DATA_FIX.format(table=table, column='name'))
        else:
            write(os.path.join(self.versions, '%03d_count_%s_sqlite_upgrade'
                               '.sql' % (version, table)),
                  SQL_SCRIPT.format(table=table, column=column))

    def twin(self, version, release, table, column):
        """A guarded master migration recorded as a slot's twin."""
        previous = self.lines['placeholders'][-1]
        first_slot = int(previous.split('=')[1].split('-')[0])
        slot = first_slot + len([line for line in self.lines['backports']
                                 if int(line.split('=')[0]) >= first_slot])
        self.lines['backports'].append('%d = %d' % (slot, version))
        self.py(version, 'twin_%s' % column, TWIN.format(
            release=release, slot=slot, table=table, column=column))

    def py(self, version, description, text):
        write(os.path.join(self.versions, '%03d_%s.py' % (
            version, description)), text)


def lock_releases(path):
    """Lock every release but the last, in this process."""
    sys.path.insert(0, PROJECT)
    from nova_like.migration.lint import linter
    from nova_like.migration import releases
    names = [item.release for item in releases.load(path).releases]
    for name in names[:-1]:
        linter.lock(path, name)
    return len(names) - 1


def command(path):
    return [sys.executable, '-m', 'nova_like.cmd.manage', 'repo', 'lint',
            '--repository', path]


def time_runs(argv, runs):
    env = dict(os.environ, PYTHONPATH=PROJECT)
    # One warm-up: the first run pays for cold file caches.
    first = subprocess.run(argv, env=env, capture_output=True, text=True)
    timings = []
    for _run in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, env=env, capture_output=True, check=False)
        timings.append(time.perf_counter() - started)
    return first, timings


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--runs', type=int, default=11)
    parser.add_argument('--scripts', type=int, default=1000)
    parser.add_argument('--keep', action='store_true',
                        help='keep the generated repository')
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix='nova_like-lint-bench-')
    path = os.path.join(workdir, 'repo')
    try:
        Generator(path, args.scripts).run()
        locked = lock_releases(path)
        print('repository: %s (%d scripts, %d releases locked)' % (
            path, args.scripts, locked))
        first, timings = time_runs(command(path), args.runs)
        print('lint output: %s (exit %d)' % (
            first.stdout.strip().splitlines()[-1] if first.stdout.strip()
            else first.stderr.strip(), first.returncode))
        _, startup = time_runs(command(path)[:-4] + ['--help'], args.runs)
        report('project-manage repo lint', timings)
        report('project-manage --help (startup only)', startup)
        median = statistics.median(timings)
        print('target: median under %.2f s: %s' % (
            TARGET_SECONDS, 'met' if median < TARGET_SECONDS else 'MISSED'))
    finally:
        if args.keep:
            print('kept %s' % workdir)
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def report(label, timings):
    print('%-40s runs %2d  median %.3f s  min %.3f s  max %.3f s' % (
        label, len(timings), statistics.median(timings), min(timings),
        max(timings)))


if __name__ == '__main__':
    main()
