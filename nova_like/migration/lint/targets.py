"""Which scripts run twice, and so must be idempotent.

A backport runs once in its stable slot and again, on the same database, as
its master twin after the upgrade to master.  So every filled placeholder
(a script that does something inside a reserved range), every master twin
of a slot, and every script that declares ``BACKPORTABLE = True`` is held
to the backport rules.
"""
import ast
import collections


def backport_targets(repository, sources):
    """{version: [why it must be idempotent, ...]}, sorted by version."""
    reasons = collections.defaultdict(list)
    for version_range in repository.placeholder_ranges():
        owner = ('%s backports' % version_range.release
                 if version_range.release else 'backports')
        for version in range(version_range.first, version_range.last + 1):
            script = repository.scripts.get(version)
            if script is not None and not script.is_noop:
                reasons[version].append(
                    'it fills a slot reserved for %s' % owner)
    for slot, master in sorted(repository.releases.backports.items()):
        if master in repository.scripts:
            reasons[master].append('it is the master twin of slot %d' % slot)
        script = repository.scripts.get(slot)
        if script is not None and not script.is_noop and \
                slot not in reasons:
            reasons[slot].append('it is the backport slot of %d' % master)
    for version, script in repository.scripts.items():
        if script.py_path and declares_backportable(sources, script.py_path):
            reasons[version].append('it declares BACKPORTABLE = True')
    return dict(sorted(reasons.items()))


def declares_backportable(sources, path):
    """True when the module sets ``BACKPORTABLE = True`` at top level."""
    # Most scripts never mention it: skip parsing those.
    if b'BACKPORTABLE' not in sources.data(path):
        return False
    tree = sources.python(path).tree
    for node in getattr(tree, 'body', ()):
        if isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == 'BACKPORTABLE'
                for target in node.targets):
            return isinstance(node.value, ast.Constant) and \
                node.value.value is True
    return False
