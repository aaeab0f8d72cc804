"""Conditions that must hold before a contract step runs.

A contract script names its conditions by import path in ``CONDITIONS``
(see :mod:`nova_like.migration.phases`); they are imported only when that
step is about to run, and checked by nova_like before the step, never
inside the script, so the script itself stays a plain sqlalchemy-migrate
script.
"""
import importlib

from nova_like import exception
from nova_like.migration import phases


class Condition(object):
    """Something that must hold before the schema may drop what it covers.

    Typically "the online data migration has nothing left".  One condition
    may cover several columns.
    """

    #: One line for operators, e.g. "instances.hostname copied to host_name".
    description = None

    def check(self, connection):
        """Return True when the condition holds on ``connection``."""
        raise NotImplementedError(
            '%s must define check(connection)' % type(self).__name__)

    def __str__(self):
        return self.description or type(self).__name__


def resolve(path, script_name=None):
    """Import ``'package.module:Name'``; a class is instantiated.

    :raises ScriptError: naming the script and the path.
    """
    module_name, _sep, attribute = path.partition(':')
    try:
        found = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError) as error:
        raise exception.ScriptError(
            'condition %r of version script %s cannot be imported: %s' % (
                path, script_name, error))
    condition = found() if isinstance(found, type) else found
    if not callable(getattr(condition, 'check', None)):
        raise exception.ScriptError(
            'condition %r of version script %s has no check(connection)' % (
                path, script_name))
    return condition


def unmet(script, connection):
    """The conditions of ``script`` that do not hold on ``connection``.

    :raises DatabaseError: a condition could not be checked.
    """
    missing = []
    for path in phases.conditions_of(script):
        condition = resolve(path, script.name)
        try:
            holds = condition.check(connection)
        except Exception as error:
            raise exception.DatabaseError(
                'condition %s of version script %s could not be checked: '
                '%s: %s' % (path, script.name, type(error).__name__,
                            ' '.join(str(error).split())))
        if not holds:
            missing.append(condition)
    return missing


def check_step(connection, step):
    """Refuse ``step`` if it is a contract step whose conditions fail.

    Meant as the runner's ``before_step``: the check runs in its own
    transaction, before the step's, so a refused step changes nothing.

    :raises ConditionsUnmet: listing every unmet condition.
    """
    if not phases.is_contract(step):
        return
    script = step.scripts[0]
    with connection.begin():
        missing = unmet(script, connection)
    if missing:
        raise exception.ConditionsUnmet(
            'version %d (%s) is a contract step waiting for: %s; the '
            'database stays at version %d: run `db online_data_migrations` '
            'until it reports nothing left, then `db sync` again' % (
                script.version, script.name,
                '; '.join(str(item) for item in missing), step.start),
            version=step.start, conditions=tuple(missing))
