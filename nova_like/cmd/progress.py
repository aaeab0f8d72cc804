"""How ``db sync`` shows progress: a bar on a TTY, a line per step else."""
import sys

from nova_like.migration import runner


def describe(step):
    """``116 add_instance_metadata`` or ``101-105 (5 placeholders)``."""
    if len(step.scripts) > 1:
        return '%d-%d (%d placeholders)' % (
            step.scripts[0].version, step.scripts[-1].version,
            len(step.scripts))
    script = step.scripts[0]
    return '%d %s' % (script.version, script.description)


class LineProgress(object):
    """One line per finished step with its duration (logs, CI, pipes)."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stdout

    def __call__(self, event, step, duration=None, **info):
        if event == runner.LOCK_WAITING:
            _report_wait(info['holder'])
        elif event == runner.STEP_DONE:
            self.stream.write('%-9s %-50s %8.3fs\n' % (
                step.direction, describe(step), duration))
            self.stream.flush()
        elif event == runner.STEP_FAILED:
            self.stream.write('%-9s %-50s FAILED\n' % (
                step.direction, describe(step)))
            self.stream.flush()

    def close(self):
        pass


class BarProgress(object):
    """A progress bar over the versions to walk (interactive terminals)."""

    def __init__(self, total, stream=None):
        import tqdm
        self.bar = tqdm.tqdm(total=total, unit='version', file=stream,
                             leave=True)

    def __call__(self, event, step, **info):
        if event == runner.STEP_STARTED:
            self.bar.set_description(describe(step)[:40])
        elif event == runner.STEP_DONE:
            self.bar.update(len(step.scripts))

    def close(self):
        self.bar.close()


def _report_wait(holder):
    sys.stderr.write('waiting for the migration lock, held by %s\n' % (
        holder or 'another process'))
    sys.stderr.flush()


def reporter(stream=None):
    """Choose the display for ``stream`` (stdout by default)."""
    stream = stream or sys.stdout
    if stream.isatty():
        return _LazyBar(stream)
    return LineProgress(stream)


class _LazyBar(object):
    # The total is only known once the plan exists: the first event says it.
    def __init__(self, stream):
        self.stream = stream
        self.bar = None

    def __call__(self, event, step, **info):
        if event == runner.LOCK_WAITING:
            _report_wait(info['holder'])
        elif event == runner.RUN_STARTED:
            self.bar = BarProgress(info['total'], self.stream)
        elif self.bar is not None:
            self.bar(event, step, **info)

    def close(self):
        if self.bar is not None:
            self.bar.close()
