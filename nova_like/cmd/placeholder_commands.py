"""``repo reserve-placeholders`` and ``repo backport`` (to be written)."""


class PlaceholderCommands(object):
    """Reserved placeholder ranges and backports."""
