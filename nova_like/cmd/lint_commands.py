"""``repo lint`` and ``repo lock`` (to be written)."""


class LintCommands(object):
    """The migration linter."""
