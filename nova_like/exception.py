"""Errors raised by nova_like, one shallow hierarchy.

Every error carries a one-line message that names the culprit (file,
version, option or database) so the CLI can print it as is.  Database URLs
in messages must already be masked with :func:`mask_url`.
"""
import re

_PASSWORD_IN_URL = re.compile(r'(?P<head>[a-zA-Z0-9+._-]+://[^:/@\s]*:)'
                              r'(?P<password>[^@\s]*)(?P<tail>@)')


# Whatever sits between the last ':' and an '@': the password of a URL too
# malformed for the pattern above (quoted, with spaces or odd characters).
_USERINFO_SECRET = re.compile(r':(?P<password>[^:@/]*)@')


def mask_url(text):
    """Replace the password of every database URL in ``text`` by ``***``."""
    text = _PASSWORD_IN_URL.sub(r'\g<head>***\g<tail>', str(text))
    return _USERINFO_SECRET.sub(':***@', text)


class NovaLikeError(Exception):
    """Base of every error nova_like raises on purpose."""

    def __init__(self, message):
        super().__init__(mask_url(message))

    @property
    def message(self):
        return self.args[0]


class RepositoryError(NovaLikeError):
    """The migrate repository on disk is missing, malformed or inconsistent."""


class ScriptError(RepositoryError):
    """A version script cannot be loaded (syntax error, failing import...)."""


class VersionError(NovaLikeError):
    """A requested version does not exist or cannot be reached."""


class DatabaseError(NovaLikeError):
    """The database is unreachable or in a state we refuse to touch."""


class NotControlledError(DatabaseError):
    """The database has no version row for this repository."""


class AlreadyControlledError(DatabaseError):
    """version_control was asked for a database that is already controlled."""


class MigrationFailed(NovaLikeError):
    """A version script raised; nothing was recorded for that version."""

    def __init__(self, message, version=None, original=None):
        super().__init__(message)
        self.version = version
        self.original = original


class LockTimeout(DatabaseError):
    """Another process holds the migration lock for too long."""


class UnsupportedOperation(NovaLikeError):
    """A legacy ``migrate`` call that this backend cannot do, with guidance."""


class ConfigError(NovaLikeError):
    """A bad option value or a bad combination of options."""


class ConditionsUnmet(DatabaseError):
    """A contract step waits for conditions (data migrations) to hold.

    ``version`` is where the database stays; ``conditions`` the unmet ones.
    """

    def __init__(self, message, version=None, conditions=()):
        super().__init__(message)
        self.version = version
        self.conditions = conditions
