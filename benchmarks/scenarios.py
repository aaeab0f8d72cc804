"""What is timed: each scenario on each backend, the tools taking turns."""
import collections
import dataclasses
import os
import sys

from benchmarks import lint_1000
from benchmarks import procs
from benchmarks import repos

KEYS = ('sync300', 'sync1000', 'sync1000p', 'version', 'ddl200', 'bundled',
        'lint')
BUNDLED = os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), 'migrate_repo')


@dataclasses.dataclass
class Case(object):
    """A repository in both forms; ``alembic`` is None where there is none."""

    label: str
    legacy: str
    alembic: str = None


@dataclasses.dataclass
class Row(object):
    key: str
    label: str
    backend: str
    samples: dict


class Bench(object):
    """Builds the repositories once and times the tools on them."""

    def __init__(self, workdir, runs, tools):
        self.workdir = workdir
        self.runs = runs
        self.tools = tools
        self.cases = {}

    def case(self, key):
        if key not in self.cases:
            self.cases[key] = self._make_case(key)
        return self.cases[key]

    def _make_case(self, key):
        path = os.path.join(self.workdir, key)
        layouts = {'sync300': (300, 10), 'sync1000': (1000, 33),
                   'sync1000p': (1000, 10), 'version': (300, 10)}
        if key in layouts:
            count, tables = layouts[key]
            label = 'db version at head of %d' % count \
                if key == 'version' else 'sync %d (%d tables + %d ' \
                'placeholders)' % (count, tables, count - tables)
            return Case(
                label, repos.placeholder_repo(path + '-legacy', count, tables),
                repos.alembic_chain(path + '-alembic', count, tables))
        if key == 'ddl200':
            return Case('sync 200 real-looking DDL',
                        repos.ddl_repo(path, 200))
        if key == 'bundled':
            return Case('fresh db for a test (bundled sync)', BUNDLED)
        lint_1000.Generator(path, 1000).run()
        lint_1000.lock_releases(path)
        return Case('repo lint, 1,000 scripts', path)

    def run_all(self, keys, makers):
        rows = []
        for key in KEYS:
            if key not in keys:
                continue
            if key == 'lint':
                rows.append(self.time_lint())
                continue
            for maker in makers:
                say('%s on %s' % (key, maker.name))
                timer = self.time_versions if key == 'version' else \
                    self.time_syncs
                rows.append(Row(key, self.case(key).label, maker.name,
                                timer(self.case(key), maker)))
        return rows

    def _tools(self, case):
        return [tool for tool in self.tools
                if tool.name != 'alembic' or case.alembic]

    def time_syncs(self, case, maker):
        """A new, empty database for every run of every tool."""
        samples = collections.defaultdict(procs.Sample)
        for index in range(self.runs + 1):
            for tool in self._tools(case):
                url = maker.create()
                try:
                    seconds, rss, _ = procs.run(*tool.sync(url, case))
                finally:
                    maker.drop(url)
                if index:
                    record(samples[tool.name], seconds, rss)
        return dict(samples)

    def time_versions(self, case, maker):
        """Each tool reads its own database, migrated to head beforehand."""
        urls = {tool.name: maker.create() for tool in self._tools(case)}
        samples = collections.defaultdict(procs.Sample)
        try:
            for tool in self._tools(case):
                procs.run(*tool.sync(urls[tool.name], case))
            for index in range(self.runs + 1):
                for tool in self._tools(case):
                    seconds, rss, text = procs.run(
                        *tool.version(urls[tool.name], case))
                    check_head(tool, text)
                    if index:
                        record(samples[tool.name], seconds, rss)
        finally:
            for url in urls.values():
                maker.drop(url)
        return dict(samples)

    def time_lint(self):
        say('lint')
        case = self.case('lint')
        sample = procs.Sample()
        nova_like = self.tools[0]
        for index in range(self.runs + 1):
            argv, env = nova_like.lint(case)
            seconds, rss, _ = procs.run(argv, env)
            if index:
                record(sample, seconds, rss)
        return Row('lint', case.label, '-', {nova_like.name: sample})


def check_head(tool, text):
    # A version command that printed something else timed the wrong thing.
    if '300' not in text:
        raise procs.CommandFailed('%s printed %r, not version 300' % (
            tool.name, text))


def record(sample, seconds, rss):
    sample.seconds.append(seconds)
    sample.rss_kib.append(rss)


def say(text):
    print('... %s' % text, file=sys.stderr, flush=True)
