"""What a repository asks of the linter: ``[lint]`` in ``releases.cfg``.

::

    [lint]
    # Every script from version 120 on needs a downgrade() that undoes
    # each structural change of its upgrade() (NL208).  Default: false.
    require_downgrade = true
    require_downgrade_from = 120
    # Modules holding the application's live models, which scripts must
    # not import (NL209).  Default: nova_like.db.models
    models_modules = nova_like.db.models, nova_like.db.api_models

sqlalchemy-migrate never reads ``releases.cfg`` and
:func:`nova_like.migration.releases.load` ignores this section, so adding
it changes nothing else.
"""
import dataclasses
import os
import re

from nova_like import exception
from nova_like.migration.lint import inifile
from nova_like.migration import releases

SECTION = 'lint'
DEFAULT_MODELS = ('nova_like.db.models',)


@dataclasses.dataclass(frozen=True)
class Settings(object):
    require_downgrade: bool = False
    require_downgrade_from: int = 0
    models_modules: tuple = DEFAULT_MODELS

    def wants_downgrade(self, version):
        return self.require_downgrade and \
            version >= self.require_downgrade_from


def load(repository_path):
    """The :class:`Settings` of the repository (defaults without a file).

    :raises RepositoryError: a value of ``[lint]`` is malformed.
    """
    path = os.path.join(repository_path, releases.FILENAME)
    parser = inifile.read(path)
    if parser is None or not parser.has_section(SECTION):
        return Settings()
    try:
        return Settings(
            parser.getboolean(SECTION, 'require_downgrade', fallback=False),
            parser.getint(SECTION, 'require_downgrade_from', fallback=0),
            _modules(parser.get(SECTION, 'models_modules', fallback=None)))
    except ValueError as error:
        raise exception.RepositoryError(
            'invalid %s: [%s] %s' % (path, SECTION, error))


def _modules(value):
    if value is None:
        return DEFAULT_MODELS
    return tuple(item for item in re.split(r'[\s,]+', value) if item)


def line_of(path, section, key):
    """The line of ``key`` in ``[section]`` of an INI file, else 1."""
    try:
        with open(path, encoding='utf-8') as cfg_file:
            lines = cfg_file.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    current = None
    for number, line in enumerate(lines, 1):
        header = re.match(r'^\s*\[([^\]]+)\]', line)
        if header:
            current = header.group(1).strip()
        elif current == section and re.match(
                r'^\s*%s\s*[=:]' % re.escape(str(key)), line):
            return number
    return 1
