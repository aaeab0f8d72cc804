#!/usr/bin/env python3
"""Print the closing lines CI reads from the last stestr run.

``N passed, N failed, N skipped`` comes last; before it, how many tests ran
on each backend, so a run shows that PostgreSQL and MariaDB tests executed.
"""
import collections
import io
import os
import re
import subprocess
import sys

import subunit
import testtools

BACKEND = re.compile(r'\((sqlite|postgresql|mysql)\b')
OUTCOMES = {'success': 'passed', 'xfail': 'passed', 'fail': 'failed',
            'uxsuccess': 'failed', 'skip': 'skipped'}


def main():
    stestr = os.path.join(os.path.dirname(sys.executable), 'stestr')
    stream = subprocess.run([stestr, 'last', '--subunit'],
                            stdout=subprocess.PIPE, check=False).stdout
    results = {}

    def record(test):
        if test['status'] in OUTCOMES:
            results[test['id']] = OUTCOMES[test['status']]

    parser = subunit.ByteStreamToStreamResult(
        io.BytesIO(stream), non_subunit_name='stdout')
    sink = testtools.StreamToDict(record)
    sink.startTestRun()
    parser.run(sink)
    sink.stopTestRun()
    _print(results)
    return 0


def _print(results):
    per_backend = collections.defaultdict(collections.Counter)
    for test_id, outcome in results.items():
        match = BACKEND.search(test_id)
        per_backend[match.group(1) if match else 'no backend'][outcome] += 1
    for backend in ('sqlite', 'postgresql', 'mysql', 'no backend'):
        counts = per_backend.get(backend, collections.Counter())
        print('%-11s %4d tests: %d passed, %d failed, %d skipped' % (
            backend, sum(counts.values()), counts['passed'],
            counts['failed'], counts['skipped']))
    total = collections.Counter(results.values())
    print('%d passed, %d failed, %d skipped' % (
        total['passed'], total['failed'], total['skipped']))


if __name__ == '__main__':
    sys.exit(main())
