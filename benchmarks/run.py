"""nova_like side by side with sqlalchemy-migrate 0.13 and Alembic.

Usage::

    python benchmarks/run.py [--runs N] [--backends sqlite,postgresql]
                             [--only sync300,version,...] [--keep]

Every figure is a whole process, as an operator or a test suite starts it:
the median of ``--runs`` runs (after one discarded warm-up run that fills
the bytecode cache) with min and max, in seconds, and the highest peak RSS
of those processes.  Each sync starts from a new, empty database.  The tools
take turns run by run, so drift of the machine (about 30% between batches)
hits all of them alike: compare the ratios, within one run.

Scenarios (keys for ``--only``): ``sync300`` (10 create tables + 290
placeholders), ``sync1000`` (33 + 967, the same ratio), ``sync1000p`` (the
same 10 tables + 990 placeholders: minus sync300, the cost of 700
placeholders), ``version`` (database at head of the 300 repository),
``ddl200`` (200 versions of real-looking DDL: add column, alter, index,
unique constraint), ``bundled`` (a fresh database for one test: sync of
the bundled ``migrate_repo``), ``lint`` (``repo lint`` of 1,000 scripts).
"""
import argparse
import os
import shutil
import sys
import tempfile

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if PROJECT not in sys.path:
    # Run as a script: the benchmark and nova_like import from the tree.
    sys.path.insert(0, PROJECT)

from benchmarks import databases  # noqa: E402
from benchmarks import report  # noqa: E402
from benchmarks import scenarios  # noqa: E402
from benchmarks import tools  # noqa: E402


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--runs', type=int, default=5)
    parser.add_argument('--backends', default='sqlite,postgresql')
    parser.add_argument('--only', default=','.join(scenarios.KEYS),
                        help='comma-separated scenario keys')
    parser.add_argument('--keep', action='store_true',
                        help='keep the generated repositories')
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    workdir = tempfile.mkdtemp(prefix='nova_like-bench-')
    pycache = os.path.join(workdir, 'pycache')
    makers = databases.open_backends(args.backends.split(','), workdir)
    bench = scenarios.Bench(
        workdir, args.runs, [tools.NovaLike(pycache),
                             tools.Migrate(pycache),
                             tools.Alembic(pycache)])
    try:
        rows = bench.run_all(args.only.split(','), makers)
    finally:
        for maker in makers:
            maker.close()
        if args.keep:
            print('kept %s' % workdir, file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    report.print_table(rows, args.runs)


if __name__ == '__main__':
    main()
