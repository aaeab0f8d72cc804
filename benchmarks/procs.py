"""Whole processes, timed: wall clock and peak RSS of each one.

The peak RSS is what GNU ``/usr/bin/time`` reports (``wait4`` of exactly
that child).  It is started through ``time`` rather than straight from
here: Linux counts the memory a child inherited from its parent before
``exec`` in its peak, and this process holds SQLAlchemy (about 55 MiB):
every tool would have "used" that much.  ``RUSAGE_CHILDREN`` would only
ever grow to the largest child seen so far.
"""
import dataclasses
import os
import shutil
import statistics
import subprocess
import tempfile
import time

TIME = shutil.which('time', path='/usr/bin:/bin')


class CommandFailed(Exception):
    """A timed command exited non-zero: its figures would mean nothing."""


@dataclasses.dataclass
class Sample(object):
    """Figures of one tool in one scenario: seconds and peak RSS (KiB)."""

    seconds: list = dataclasses.field(default_factory=list)
    rss_kib: list = dataclasses.field(default_factory=list)

    @property
    def median(self):
        return statistics.median(self.seconds)

    @property
    def peak_mib(self):
        return max(self.rss_kib) / 1024.0

    def describe(self):
        """``0.412 (0.390-0.455)``: median, then min and max."""
        return '%.3f (%.3f-%.3f)' % (self.median, min(self.seconds),
                                     max(self.seconds))


def run(argv, env, cwd=None):
    """Run ``argv`` to completion; return (seconds, peak RSS KiB, output).

    :raises CommandFailed: with the command's output, on a non-zero exit.
    """
    with tempfile.TemporaryFile() as output, \
            tempfile.NamedTemporaryFile('r') as rss:
        command = [TIME, '-f', '%M', '-o', rss.name, '--'] + list(argv) \
            if TIME else argv
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, cwd=cwd,
                                   stdin=subprocess.DEVNULL, stdout=output,
                                   stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        # wait4 reaped the child: tell Popen, or it would wait again.
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode('utf-8', 'replace')
        peak = int(rss.read().split()[-1]) if TIME else usage.ru_maxrss
    if process.returncode != 0:
        raise CommandFailed('%s exited %d:\n%s' % (
            ' '.join(argv), process.returncode, text[-3000:]))
    return seconds, peak, text


def clean_env(**extra):
    """The environment every timed process gets, whichever tool it runs.

    Bytecode is cached, in a shared prefix outside the source tree, as an
    installed package has it (``PYTHONDONTWRITEBYTECODE`` would make every
    run compile nova_like and the scripts again, but not the others'
    site-packages).
    """
    env = dict(os.environ)
    for name in ('PYTHONDONTWRITEBYTECODE', 'PYTHONPATH', 'PYTHONHOME',
                 'OS_DATABASE__CONNECTION'):
        env.pop(name, None)
    env.update(extra)
    return env
