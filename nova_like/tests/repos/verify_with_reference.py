"""Run the legacy_sample repository under the real sqlalchemy-migrate 0.13.

This is the oracle check for the test corpus: every script must pass under
sqlalchemy-migrate itself before nova_like is asked to run it.  Run it with
the python of a reference virtualenv, never with nova_like's own::

    python3 -m venv /tmp/ref-venv-sample
    /tmp/ref-venv-sample/bin/pip install 'sqlalchemy-migrate==0.13.0' \\
        'SQLAlchemy==1.4.54' 'setuptools<81' 'oslo.db==10.0.0' \\
        sqlparse PyMySQL psycopg2-binary
    /tmp/ref-venv-sample/bin/python \\
        nova_like/tests/repos/verify_with_reference.py --fresh \\
        sqlite:////tmp/legacy_sample_check.sqlite

oslo.db 10.0.0 is the last release whose ``utils.get_table`` binds the
table's metadata to the engine, which is what the 2012-2020 scripts of the
sample were written against (see README.rst).  The ``migrate`` console
script does not work on Python 3.11, so the versioning API is called.

It prints the version reached and a compact reflected schema.  Options:
``--fresh`` starts from an empty database (SQLite: the file is removed;
PostgreSQL/MySQL: a scratch database is created on the server of URL and
dropped afterwards), ``--target N`` stops at version N, ``--with-data``
seeds rows right after 001, checks that the blocker migration stops the
upgrade until the "online data migrations" ran, and checks what the data
migrations did to the rows, and ``--downgrade`` checks the versions at the
head that define ``downgrade()`` by going down and up again.  Exit status:
0 when every check passed, 1 otherwise.
"""
import argparse
import datetime
import os
import sys
import warnings

# The repository is imported by package path (scripts import their project
# the normal way), so the working tree must come first on sys.path.
_TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..',
                                    '..'))
if _TOP not in sys.path:
    sys.path.insert(0, _TOP)

import sqlalchemy  # noqa: E402
from sqlalchemy.engine import url as sa_url  # noqa: E402
# Like nova-manage, the host program has the ORM imported before any script
# runs; a script of the sample relies on that (COMPAT-SURFACE section 1).
import sqlalchemy.orm  # noqa: E402,F401

from migrate.versioning import api  # noqa: E402

REPOSITORY = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                          'legacy_sample')
# The blocker refuses to run while compute_nodes rows lack a uuid; the
# version before it is where such rows can still be written.
BLOCKER_VERSION = 31
SCRATCH_NAME = 'legacy_sample_check'


def _parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('url', help='database URL (SQLAlchemy form)')
    parser.add_argument('--repository', default=REPOSITORY)
    parser.add_argument('--fresh', action='store_true',
                        help='start from an empty database')
    parser.add_argument('--scratch-name', default=SCRATCH_NAME,
                        help='name of the scratch database for --fresh')
    parser.add_argument('--keep', action='store_true',
                        help='keep the scratch database afterwards')
    parser.add_argument('--target', type=int, default=None,
                        help='upgrade to this version instead of the head')
    parser.add_argument('--downgrade', action='store_true',
                        help='check downgrade of the head versions')
    parser.add_argument('--with-data', action='store_true',
                        help='seed rows at version %d, check the blocker '
                        'and what the data migrations did' % SEED_VERSION)
    return parser.parse_args(argv)


def _server_engine(url):
    """An AUTOCOMMIT engine for CREATE/DROP DATABASE on URL's server."""
    return sqlalchemy.create_engine(url, isolation_level='AUTOCOMMIT')


def _create_scratch(url, name):
    """Create an empty database ``name`` beside URL's; return its URL."""
    parsed = sa_url.make_url(url)
    engine = _server_engine(url)
    with engine.connect() as conn:
        conn.exec_driver_sql('DROP DATABASE IF EXISTS %s' % name)
        conn.exec_driver_sql('CREATE DATABASE %s' % name)
    engine.dispose()
    return str(parsed.set(database=name).render_as_string(
        hide_password=False))


def _drop_scratch(url, name):
    engine = _server_engine(url)
    with engine.connect() as conn:
        conn.exec_driver_sql('DROP DATABASE IF EXISTS %s' % name)
    engine.dispose()


def _fresh_sqlite(url):
    path = sa_url.make_url(url).database
    if path and path != ':memory:' and os.path.exists(path):
        os.remove(path)


def _describe_columns(insp, dialect, table):
    parts = []
    for col in insp.get_columns(table):
        text = '%s %s' % (col['name'], col['type'].compile(dialect=dialect))
        if not col['nullable']:
            text += ' NOT NULL'
        if col.get('default') is not None:
            text += ' DEFAULT %s' % col['default']
        parts.append(text)
    return parts


def _describe_constraints(insp, table):
    lines = []
    pk = insp.get_pk_constraint(table)
    if pk.get('constrained_columns'):
        lines.append('pk %s(%s)' % (pk.get('name') or '-',
                                    ','.join(pk['constrained_columns'])))
    unique_names = set()
    for uc in sorted(insp.get_unique_constraints(table),
                     key=lambda c: str(c['name'])):
        unique_names.add(uc['name'])
        lines.append('uq %s(%s)' % (uc['name'], ','.join(uc['column_names'])))
    for idx in sorted(insp.get_indexes(table), key=lambda i: str(i['name'])):
        if idx.get('duplicates_constraint') or idx['name'] in unique_names:
            # The index behind a unique constraint: listed as uq already.
            continue
        lines.append('%s %s(%s)' % ('uix' if idx['unique'] else 'ix',
                                    idx['name'],
                                    ','.join(str(c) for c in
                                             idx['column_names'])))
    for fk in sorted(insp.get_foreign_keys(table),
                     key=lambda f: str(f['name'])):
        options = ' '.join('%s=%s' % item
                           for item in sorted(fk['options'].items()))
        lines.append('fk %s(%s)->%s(%s)%s' % (
            fk['name'], ','.join(fk['constrained_columns']),
            fk['referred_table'], ','.join(fk['referred_columns']),
            ' ' + options if options else ''))
    return lines


def schema_summary(url):
    """Reflect the database at URL into sorted, printable lines."""
    engine = sqlalchemy.create_engine(url)
    try:
        insp = sqlalchemy.inspect(engine)
        lines = []
        for table in sorted(insp.get_table_names()):
            lines.append('%s: %s' % (table, ', '.join(
                _describe_columns(insp, engine.dialect, table))))
            lines.extend('    ' + line
                         for line in _describe_constraints(insp, table))
        return lines
    finally:
        engine.dispose()


def _downgradable_floor(repository, dialect):
    """Lowest version V such that every version above V can downgrade."""
    from migrate.versioning.repository import Repository

    repo = Repository(repository)
    version = int(repo.latest)
    while version > 0:
        try:
            script = repo.version(version).script(dialect, 'downgrade')
        except AssertionError:
            # Only .sql upgrade files: nothing can downgrade this version.
            break
        if script.path.endswith('.py'):
            with open(script.path) as source:
                if 'def downgrade(' not in source.read():
                    break
        version -= 1
    return version


def _blocks(summary):
    """Group summary lines by table: {table: [its lines]}."""
    blocks = {}
    for line in summary:
        if not line.startswith(' '):
            current = blocks.setdefault(line.split(':', 1)[0], [])
        current.append(line.strip())
    return blocks


def _print_changes(before, after):
    old, new = _blocks(before), _blocks(after)
    for table in sorted(set(old) | set(new)):
        if table not in new:
            print('  dropped table %s' % table)
        elif table not in old:
            print('  new table %s' % table)
        elif old[table] != new[table]:
            print('  changed table %s:' % table)
            for line in old[table]:
                if line not in new[table]:
                    print('    - %s' % line)
            for line in new[table]:
                if line not in old[table]:
                    print('    + %s' % line)


def _check_downgrade(url, repository, before):
    dialect = sqlalchemy.engine.url.make_url(url).get_backend_name()
    floor = _downgradable_floor(repository, dialect)
    head = int(api.db_version(url, repository))
    if floor == head:
        print('downgrade: no version at the head defines downgrade()')
        return False
    api.downgrade(url, repository, floor)
    print('downgrade: %d -> %d ok' % (head, int(api.db_version(
        url, repository))))
    _print_changes(before, schema_summary(url))
    api.upgrade(url, repository, head)
    if schema_summary(url) != before:
        print('downgrade: upgrading again did not restore the schema')
        return False
    print('downgrade: %d -> %d again, schema identical' % (floor, head))
    return True


SEED_VERSION = 1
NOW = datetime.datetime(2012, 4, 5, 6, 7, 8)
UUIDS = ['00000000-0000-4000-8000-%012d' % n for n in range(10)]


def _seed(engine):
    """Rows an Austin deployment could hold, for the data migrations."""
    meta = sqlalchemy.MetaData()
    meta.reflect(bind=engine)
    rows = {
        'services': [
            dict(host='host1', binary='nova-compute', topic=None,
                 report_count=0, disabled=False, deleted=0),
            dict(host='host1', binary='nova-scheduler', topic='scheduler',
                 report_count=3, disabled=False, deleted=0)],
        'compute_nodes': [
            dict(service_id=1, vcpus=4, memory_mb=8192, local_gb=100,
                 host_ip='192.168.0.10', deleted=0)],
        'instances': [
            dict(uuid=UUIDS[1], host='host1', locked=True, deleted=0,
                 scheduled_at=NOW, user_data='x' * 70000),
            dict(uuid=UUIDS[2], host='host1', locked=False, deleted=0),
            dict(uuid=UUIDS[3], host=None, locked=None, deleted=3)],
        'instance_metadata': [
            dict(instance_uuid=UUIDS[1], key='k', value='v', deleted=0),
            dict(instance_uuid=None, key='orphan', value='v', deleted=0)],
        'volumes': [
            dict(id='vol-1', ec2_id=10, instance_uuid=UUIDS[1], deleted=0),
            dict(id='vol-2', ec2_id=11, instance_uuid=None,
                 status='attaching', deleted=0),
            dict(id='vol-3', ec2_id=12, instance_uuid=UUIDS[2],
                 attach_status='detaching', deleted=0)],
        'key_pairs': [
            dict(name='kp-%03d' % n, user_id='u', fingerprint='f',
                 public_key='ssh-rsa AAAA', deleted=0) for n in range(120)],
        'quota_classes': [
            dict(class_name='default', resource='instances', hard_limit=25,
                 deleted=0)],
        'migrations': [
            dict(instance_uuid=UUIDS[2], status=None,
                 old_instance_type_id=1, new_instance_type_id=2, deleted=0),
            dict(instance_uuid=UUIDS[9], status='finished', deleted=0)],
        'networks': [dict(label='net1', cidr='10.0.0.0/24',
                          gateway='10.0.0.1', deleted=0)],
        'dns_domains': [dict(domain='example.org', deleted=0)],
        'host_tags': [dict(host='host1', tag='ssd'),
                      dict(host='host1', tag='gpu')],
        'aggregates': [dict(name='agg1', deleted=0)],
        'aggregate_hosts': [dict(aggregate_id=1, host='host1')],
        'auth_tokens': [dict(token_hash='abc', user_id='u', deleted=0)],
        'certificates': [dict(user_id='u', project_id='p', deleted=0)],
    }
    with engine.begin() as conn:
        # Insert in creation order: foreign keys point backwards.
        for table in meta.sorted_tables:
            # One by one: the rows of a table do not all set the same keys.
            for row in rows.get(table.name, []):
                conn.execute(table.insert().values(**row))


def _online_data_migrations(engine):
    """What the Bexar services do before Cactus: give nodes a uuid."""
    meta = sqlalchemy.MetaData()
    nodes = sqlalchemy.Table('compute_nodes', meta, autoload_with=engine)
    with engine.begin() as conn:
        ids = [row.id for row in conn.execute(
            sqlalchemy.select(nodes.c.id).where(nodes.c.uuid.is_(None)))]
        for node_id in ids:
            conn.execute(nodes.update().where(nodes.c.id == node_id).values(
                uuid=UUIDS[5][:-3] + '%03d' % node_id))


def _upgrade_through_blocker(url, repository):
    """Upgrade to just before the blocker; it must stop; migrate; go on."""
    api.upgrade(url, repository, BLOCKER_VERSION - 1)
    try:
        api.upgrade(url, repository, BLOCKER_VERSION)
    except Exception as error:
        print('blocker: stopped as expected: %s: %s' % (
            type(error).__name__, error))
        ok = int(api.db_version(url, repository)) == BLOCKER_VERSION - 1
    else:
        print('blocker: did NOT stop the upgrade')
        ok = False
    engine = sqlalchemy.create_engine(url)
    _online_data_migrations(engine)
    engine.dispose()
    return ok


def _rows(conn, table, *order):
    query = sqlalchemy.text('SELECT * FROM %s ORDER BY %s' % (
        table, ', '.join(order)))
    return [dict(row._mapping) for row in conn.execute(query)]


# What the data migrations of the sample must have done to the seeded rows.
DATA_EXPECTATIONS = [
    ('services forced_down populated (003)',
     lambda r: [bool(s['forced_down']) for s in r['services']]
     == [False, False]),
    ('services topic derived in a session (024)',
     lambda r: [s['topic'] for s in r['services']]
     == ['compute', 'scheduler']),
    ('flavors inserted (002)', lambda r: len(r['flavors']) == 5),
    ('instances cleaned filled (035)',
     lambda r: [i['cleaned'] for i in r['instances']] == [0, 0, 0]),
    ('instances locked_by from locked (023)',
     lambda r: [i['locked_by'] for i in r['instances']]
     == ['admin', None, None]),
    ('instances user_data kept (MEDIUMTEXT on MySQL)',
     lambda r: len(r['instances'][0]['user_data']) == 70000),
    ('instance_metadata orphan deleted (040)',
     lambda r: [m['key'] for m in r['instance_metadata']] == ['k']),
    ('key_pairs type set in batches (018)',
     lambda r: len(r['key_pairs']) == 120
     and set(k['type'] for k in r['key_pairs']) == set(['ssh'])),
    ('migrations orphan deleted, status set (017, 008)',
     lambda r: [(m['instance_uuid'], m['status'], m['old_flavor_id'])
                for m in r['migrations']] == [(UUIDS[2], 'error', 1)]),
    ('volumes ec2_id is a string now (007)',
     lambda r: [str(v['ec2_id']) for v in r['volumes']]
     == ['10', '11', '12']),
    ('volumes attach_status derived (041)',
     lambda r: [v['attach_status'] for v in r['volumes']]
     == ['attached', 'detached', 'detaching']),
    ('volumes stuck attaching reset (041)',
     lambda r: [v['status'] for v in r['volumes']]
     == [None, 'available', None]),
    ('quota_classes defaults added, existing kept (042)',
     lambda r: sorted((q['resource'], q['hard_limit'])
                      for q in r['quota_classes'])
     == [('cores', 20), ('instances', 25), ('key_pairs', 100),
         ('metadata_items', 128), ('ram', 51200)]),
    ('host_tags keep their rows under the new key (039)',
     lambda r: [(h['tag'], h['namespace']) for h in r['host_tags']]
     == [('gpu', 'default'), ('ssd', 'default')]),
    ('compute_nodes uuid kept (016, 032)',
     lambda r: all(n['uuid'] for n in r['compute_nodes'])),
]


def _check_data(url):
    engine = sqlalchemy.create_engine(url)
    with engine.begin() as conn:
        found = {
            'services': _rows(conn, 'services', 'id'),
            'flavors': _rows(conn, 'flavors', 'id'),
            'instances': _rows(conn, 'instances', 'id'),
            'instance_metadata': _rows(conn, 'instance_metadata', 'id'),
            'key_pairs': _rows(conn, 'key_pairs', 'id'),
            'migrations': _rows(conn, 'migrations', 'id'),
            'volumes': _rows(conn, 'volumes', 'id'),
            'quota_classes': _rows(conn, 'quota_classes', 'id'),
            'host_tags': _rows(conn, 'host_tags', 'host', 'tag'),
            'compute_nodes': _rows(conn, 'compute_nodes', 'id'),
        }
        # 002 inserted explicit ids; a new flavor must still get a free id
        # (the PostgreSQL sequence was moved past them).
        flavors = sqlalchemy.Table('flavors', sqlalchemy.MetaData(),
                                   autoload_with=conn)
        conn.execute(flavors.insert().values(
            name='custom', memory_mb=1, vcpus=1, flavorid='custom',
            deleted=0))
    engine.dispose()
    ok = True
    for label, check in DATA_EXPECTATIONS:
        passed = bool(check(found))
        ok = ok and passed
        print('data: %s: %s' % (label, 'ok' if passed else 'FAILED'))
    print('data: new flavor after the fixed ids: ok')
    return ok


def _run(args, url):
    from migrate import exceptions

    try:
        api.version_control(url, args.repository)
    except exceptions.DatabaseAlreadyControlledError:
        # Going on from where an earlier run stopped is fine.
        print('already under version control at version %d' % int(
            api.db_version(url, args.repository)))
    ok = True
    if args.with_data:
        if int(api.db_version(url, args.repository)) != 0:
            raise SystemExit('--with-data needs a new database (--fresh)')
        api.upgrade(url, args.repository, SEED_VERSION)
        engine = sqlalchemy.create_engine(url)
        _seed(engine)
        engine.dispose()
        ok = _upgrade_through_blocker(url, args.repository)
    if args.target is None:
        api.upgrade(url, args.repository)
    else:
        api.upgrade(url, args.repository, args.target)
    version = int(api.db_version(url, args.repository))
    summary = schema_summary(url)
    print('version: %d' % version)
    print('\n'.join(summary))
    if args.with_data and args.target is None:
        ok = _check_data(url) and ok
    if args.downgrade:
        ok = _check_downgrade(url, args.repository, summary) and ok
    return ok


def main(argv=None):
    args = _parse_args(argv)
    warnings.simplefilter('ignore')
    print('reference: sqlalchemy %s, sqlalchemy-migrate %s, oslo.db %s' % (
        sqlalchemy.__version__, _dist_version('sqlalchemy-migrate'),
        _dist_version('oslo.db')))
    url = args.url
    scratch = False
    if args.fresh:
        if url.startswith('sqlite'):
            _fresh_sqlite(url)
        else:
            url = _create_scratch(args.url, args.scratch_name)
            scratch = True
    try:
        ok = _run(args, url)
    finally:
        if scratch and not args.keep:
            _drop_scratch(args.url, args.scratch_name)
    print('result: %s' % ('OK' if ok else 'FAILED'))
    return 0 if ok else 1


def _dist_version(name):
    from importlib import metadata
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return 'not installed'


if __name__ == '__main__':
    sys.exit(main())
