"""Scripts and a repository layout shared by the linter's tests.

Version 1 creates table ``t``; versions 2-3 are placeholders reserved for
havana; :func:`fill_slot` turns slot 2 into a backport.
"""
import os

HEADER = 'from sqlalchemy import Column, Integer, MetaData, Table'
CREATE_T = """
meta = MetaData(bind=migrate_engine)
Table('t', meta, Column('id', Integer, primary_key=True)).create()
"""
ADD_X = """
meta = MetaData(bind=migrate_engine)
t = Table('t', meta, autoload=True)
t.create_column(Column('x', Integer))
"""
GUARDED_ADD_X = """
meta = MetaData(bind=migrate_engine)
t = Table('t', meta, autoload=True)
if not hasattr(t.c, 'x'):
    t.create_column(Column('x', Integer))
"""
RANGES = '[placeholders]\nhavana = 2-3\n'


def write_base(repo, releases='[releases]\nhavana = 1-1\n'):
    """Version 1 and the havana placeholders in a RepositoryFixture."""
    repo.write_script(1, CREATE_T, name='create_t', header=HEADER)
    repo.write_placeholder(2, 3)
    repo.write_releases(releases + RANGES)


def fill_slot(repo, upgrade, backports='2 = 9', releases=''):
    """Slot 2 runs ``upgrade``; releases.cfg records ``backports``."""
    os.unlink(os.path.join(repo.versions, '002_placeholder.py'))
    repo.write_script(2, upgrade, name='fix', header=HEADER)
    repo.write_releases('%s%s[backports]\n%s\n'
                        % (releases, RANGES, backports))
