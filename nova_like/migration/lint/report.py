"""Findings as text (people, editors) or JSON (tools)."""
import json
import os

from nova_like.migration.lint import findings as findings_mod

TEXT = 'text'
JSON = 'json'
FORMATS = (TEXT, JSON)


def display_path(path, cwd=None):
    """``path`` relative to ``cwd`` when it lies below it, else absolute.

    Relative paths are what editors and pre-commit print and link.
    """
    cwd = cwd or os.getcwd()
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, cwd)
    return absolute if relative.startswith(os.pardir) else relative


def as_json(found, cwd=None):
    """A JSON array: one object per finding (path, line, code, message...)."""
    return json.dumps([item.as_dict(display_path(item.path, cwd))
                       for item in found], indent=2)


def as_text(found, cwd=None):
    """``path:line: CODE message`` lines, each followed by its fix."""
    lines = []
    for item in found:
        lines.append('%s:%d: %s %s' % (display_path(item.path, cwd),
                                       item.line, item.code, item.message))
        lines.append('    fix: %s' % item.fix)
    return '\n'.join(lines)


def summary(found, scripts):
    """One closing line: how many findings in how many scripts."""
    if not found:
        return 'no findings in %d scripts' % scripts
    codes = sorted({item.code for item in found})
    return '%d finding%s in %d scripts (%s)' % (
        len(found), '' if len(found) == 1 else 's', scripts,
        ', '.join('%s %s' % (code, findings_mod.CODES[code][0])
                  for code in codes))
