"""NL112-NL114: filled slots and their master twins, as releases.cfg says.

``[backports] SLOT = MASTER`` records that reserved slot SLOT carries the
migration master has as version MASTER.  On a stable branch the slot is
filled and MASTER may not exist yet; on master the slot stays a no-op.
Where both exist and the slot is filled, they must be the same migration.
"""
import ast

from nova_like.migration.lint import findings
from nova_like.migration.lint import normalize
from nova_like.migration.lint import settings


def check(repository, sources):
    """Findings about slots, twins and their records."""
    found = list(_unrecorded(repository))
    for slot, master in sorted(repository.releases.backports.items()):
        found.extend(_check_record(repository, slot, master, sources))
    return found


def _unrecorded(repository):
    backports = repository.releases.backports
    for version_range in repository.placeholder_ranges():
        for version in range(version_range.first, version_range.last + 1):
            script = repository.scripts.get(version)
            # A placeholder-named script that does something is NL207's.
            if script is None or script.is_noop or script.is_placeholder \
                    or version in backports:
                continue
            yield findings.Finding.make(
                _path(script), 1, 'NL112',
                'version %d fills a slot reserved for %s but releases.cfg '
                'records no master twin for it' % (
                    version, version_range.release or 'backports'))


def _check_record(repository, slot, master, sources):
    problem = _record_problem(repository, slot, master)
    if problem:
        path = repository.releases.path
        return [findings.Finding.make(
            path, settings.line_of(path, 'backports', slot), 'NL113',
            '[backports] %d = %d: %s' % (slot, master, problem))]
    slot_script = repository.scripts[slot]
    master_script = repository.scripts.get(master)
    if master_script is None or slot_script.is_noop:
        return []
    line = _difference(slot_script, master_script, sources)
    if line is None:
        return []
    return [findings.Finding.make(
        _path(slot_script), line, 'NL114',
        'slot %d differs from its master twin %d (%s)' % (
            slot, master, master_script.name))]


def _record_problem(repository, slot, master):
    if not any(slot in item for item in repository.placeholder_ranges()):
        return 'slot %d is not in a reserved placeholder range' % slot
    if slot not in repository.scripts:
        return 'there is no version %d' % slot
    if master <= slot:
        return 'the master twin must come after its slot'
    if master not in repository.scripts and master <= repository.head:
        return 'there is no version %d' % master
    return None


def _difference(slot, master, sources):
    """Line of the slot where it first differs from master, or None."""
    if bool(slot.py_path) != bool(master.py_path) or \
            _sql_fingerprints(slot, sources) != _sql_fingerprints(
                master, sources):
        return 1
    if not slot.py_path:
        return None
    mine = sources.python(slot.py_path).tree
    theirs = sources.python(master.py_path).tree
    if mine is None or theirs is None:
        return None if sources.data(slot.py_path) == sources.data(
            master.py_path) else 1
    return _first_different_statement(mine, theirs)


def _first_different_statement(mine, theirs):
    ours = [normalize.canonical(node) for node in _code(mine)]
    other = [normalize.canonical(node) for node in _code(theirs)]
    if ours == other:
        return None
    for node, left, right in zip(_code(mine), ours, other):
        if left != right:
            return node.lineno
    return 1


def _code(tree):
    body = tree.body
    if body and isinstance(body[0], ast.Expr) and isinstance(
            body[0].value, ast.Constant):
        # The module docstring may name the release; it is no code.
        body = body[1:]
    return body


def _sql_fingerprints(script, sources):
    return {key: normalize.sql_fingerprint(sources.data(path))
            for key, path in script.sql_paths.items()}


def _path(script):
    return script.py_path or sorted(script.sql_paths.values())[0]
