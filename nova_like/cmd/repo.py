"""``project-manage repo ...``: commands for release managers and developers.

The category is assembled from one mixin per concern, each in its own
module, so the placeholder tooling and the linter evolve separately.
"""
from nova_like.cmd import compact_commands
from nova_like.cmd import db
from nova_like.cmd import lint_commands
from nova_like.cmd import placeholder_commands


class RepoCommands(placeholder_commands.PlaceholderCommands,
                   lint_commands.LintCommands,
                   compact_commands.CompactCommands,
                   db.CommandsBase):
    """Repository commands: placeholders, backports, lint, lock, compact."""
