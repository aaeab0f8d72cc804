"""The file changes of a compaction: planned first, then applied.

The same :class:`Changes` are applied to the temporary candidate that is
proven and, once proven, to the repository itself, so what is written is
exactly what was checked.  ``releases.cfg`` is edited as text (comments
survive): release and placeholder ranges wholly compacted are dropped, a
release range cut by the compaction starts after it, backport records of
compacted slots go, and ``[compacted] RELEASE = first-last`` records the
versions the new initial script replaces.
"""
import dataclasses
import os
import re

from nova_like import exception
from nova_like.migration import releases
from nova_like.migration import repository as repository_mod

_SECTION = re.compile(r'^\s*\[(?P<name>[^\]]+)\]')
_ENTRY = re.compile(r'^(?P<key>[^#;=\s][^=]*?)\s*=\s*(?P<value>.*?)\s*$')
_RANGE = re.compile(r'^(\d+)\s*-\s*(\d+)$')
HEADER = """\
# nova_like's release records for this repository; sqlalchemy-migrate
# ignores this file.  See nova_like/migration/releases.py.
"""
COMPACTED_SECTION = """\
[compacted]
# release = first-last: versions replaced by one initial script; a database
# older than that must upgrade through the release first
"""


@dataclasses.dataclass(frozen=True)
class Changes(object):
    """Files to remove and write, relative to the repository's root."""

    record: releases.VersionRange
    script: str
    source: str
    removed: tuple
    releases_text: str
    dropped: tuple


def plan(repository, through, release, source):
    """Return the :class:`Changes` compacting versions up to ``through``.

    :raises RepositoryError: ``release`` already names a compaction.
    """
    if repository.releases.compacted_release(through) or any(
            item.release == release
            for item in repository.releases.compacted):
        raise exception.RepositoryError(
            'releases.cfg already records a compaction named %s or '
            'covering version %d' % (release, through))
    record = releases.VersionRange(release, min(repository.scripts), through)
    removed = []
    for version in repository.versions:
        if version <= through:
            script = repository.scripts[version]
            removed += [os.path.relpath(path, repository.path) for path in
                        [script.py_path] + sorted(script.sql_paths.values())
                        if path]
    text, dropped = _releases_text(repository, record)
    return Changes(record, _script_path(repository, through, release),
                   source, tuple(removed), text, tuple(dropped))


def _script_path(repository, through, release):
    # Same digits as the file it replaces: sqlalchemy-migrate ignores
    # names with fewer than three.
    name = repository.scripts[through].name
    digits = len(name) - len(name.lstrip('0123456789'))
    return os.path.join(repository_mod.VERSIONS_DIR, '%0*d_%s.py' % (
        max(digits, 3), through, release))


def apply(changes, root):
    """Write ``changes`` into the repository at ``root``."""
    try:
        for relative in changes.removed:
            os.remove(os.path.join(root, relative))
        _write(os.path.join(root, changes.script), changes.source)
        _write(os.path.join(root, releases.FILENAME), changes.releases_text)
    except OSError as error:
        raise exception.RepositoryError('cannot write %s: %s' % (
            error.filename, error.strerror))


def _write(path, text):
    partial = path + '.partial'
    with open(partial, 'w', encoding='utf-8') as target:
        target.write(text)
    os.replace(partial, path)


def _releases_text(repository, record):
    """The new releases.cfg text, and the lines it no longer has."""
    text = HEADER
    if repository.releases.exists:
        with open(repository.releases.path, encoding='utf-8') as source:
            text = source.read()
    lines, dropped, section = [], [], None
    for line in text.splitlines(True):
        match = _SECTION.match(line)
        section = match.group('name').strip() if match else section
        new = line if match else _entry(section, line, record.last)
        if new is None:
            dropped.append('[%s] %s' % (section, line.strip()))
        else:
            lines.append(new)
    return _with_record(''.join(lines), record), dropped


def _entry(section, line, through):
    """The line as it stays, rewritten or None (dropped)."""
    match = _ENTRY.match(line)
    if not match:
        return line
    key, value = match.group('key'), match.group('value')
    if section == 'backports':
        return None if value.isdigit() and int(key) <= through else line
    found = _RANGE.match(value)
    if section not in ('releases', 'placeholders') or not found:
        return line
    first, last = int(found.group(1)), int(found.group(2))
    if last <= through:
        return None
    if first <= through:
        return '%s = %d-%d\n' % (key, through + 1, last)
    return line


def _with_record(text, record):
    entry = '%s = %s\n' % (record.release, record)
    lines = text.splitlines(True)
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    start = next((index for index, line in enumerate(lines)
                  if _SECTION.match(line)
                  and _SECTION.match(line).group('name') == 'compacted'),
                 None)
    if start is None:
        gap = ['\n'] if lines and lines[-1].strip() else []
        return ''.join(lines + gap + [COMPACTED_SECTION, entry])
    at = start + 1
    while at < len(lines) and not _SECTION.match(lines[at]):
        at += 1
    while at > start + 1 and not lines[at - 1].strip():
        at -= 1
    return ''.join(lines[:at] + [entry] + lines[at:])
