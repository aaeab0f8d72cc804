"""Expand and contract phases of a linear repository; pure, no database.

A script declares its phase at module level, read without importing it
(like ``BACKPORTABLE``)::

    PHASE = 'contract'
    CONDITIONS = ['nova_like.db.conditions:InstanceHostNameMigrated']

``PHASE`` defaults to ``'expand'``, so every legacy script is an expand
step: safe while the services run.  A contract step removes what the code
no longer uses, and runs only once each of its ``CONDITIONS`` (import
paths of :class:`nova_like.migration.conditions.Condition` objects) holds.
Versions stay linear: ``db sync --expand`` stops before the first pending
contract step, ``db sync --contract`` starts with it.
"""
from nova_like import exception
from nova_like.migration import planner

EXPAND = 'expand'
CONTRACT = 'contract'
PHASES = (EXPAND, CONTRACT)

# What is pending, as ``db sync --check`` reports it.
UP_TO_DATE = 'up to date'
EXPAND_PENDING = 'expand steps pending'
DATA_PENDING = 'data migrations pending'
CONTRACT_PENDING = 'contract steps pending'


def phase_of(script):
    """The script's ``PHASE``: :data:`EXPAND` (default) or :data:`CONTRACT`.

    :raises ScriptError: another value, or ``CONDITIONS`` that are not a
        list of ``'module:name'`` strings or sit on an expand script.
    """
    phase = script.declared('PHASE', EXPAND)
    if phase not in PHASES:
        raise exception.ScriptError(
            'version script %s: PHASE must be %s, not %r' % (
                script.name, ' or '.join(repr(name) for name in PHASES),
                phase))
    paths = script.declared('CONDITIONS', ())
    if not isinstance(paths, (list, tuple)) or not all(
            isinstance(path, str) and ':' in path for path in paths):
        raise exception.ScriptError(
            'version script %s: CONDITIONS must be a list of '
            '\'package.module:Name\' strings' % script.name)
    if paths and phase != CONTRACT:
        raise exception.ScriptError(
            'version script %s declares CONDITIONS but is an expand step: '
            'add PHASE = %r' % (script.name, CONTRACT))
    return phase


def conditions_of(script):
    """Import paths of the conditions a contract script waits for."""
    phase_of(script)
    return tuple(script.declared('CONDITIONS', ()))


def is_contract(step):
    """True for an upgrade step that runs a contract script."""
    return step.direction == planner.UPGRADE and any(
        phase_of(script) == CONTRACT for script in step.scripts)


def select(steps, phase=None):
    """The steps ``db sync`` may run in ``phase``, checked before any runs.

    :param phase: None (every step; contract steps are still gated on
        their conditions when they run), :data:`EXPAND` (the steps before
        the first contract step) or :data:`CONTRACT` (every step, the first
        being a contract step).
    :raises ScriptError: a script declares an invalid phase.
    :raises VersionError: ``--contract`` while expand steps come first, or
        a phase asked of a downgrade.
    """
    flags = [is_contract(step) for step in steps]
    if phase is None or not steps:
        return list(steps)
    if steps[0].direction != planner.UPGRADE:
        raise exception.VersionError(
            'the %s phase only upgrades: downgrade without --%s' % (
                phase, phase))
    if phase == EXPAND:
        return list(steps[:flags.index(True)] if True in flags else steps)
    if not flags[0]:
        raise exception.VersionError(
            'version %d (%s) is an expand step, not a contract step: run '
            '`db sync --expand` first' % (
                steps[0].end, steps[0].scripts[0].name))
    return list(steps)


def state(steps, unmet=()):
    """What is pending, given the planned upgrade ``steps``.

    :param unmet: the conditions of the first step that do not hold (only
        looked at when that step is a contract step).
    :returns: :data:`UP_TO_DATE`, :data:`EXPAND_PENDING` (the next step is
        an expand step), :data:`DATA_PENDING` (the next step is a contract
        step waiting for its conditions) or :data:`CONTRACT_PENDING`.
    """
    if not steps:
        return UP_TO_DATE
    if not is_contract(steps[0]):
        return EXPAND_PENDING
    return DATA_PENDING if unmet else CONTRACT_PENDING
