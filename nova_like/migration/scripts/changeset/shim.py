"""Importable ``migrate`` modules for legacy scripts.

:func:`modules` builds a fresh ``migrate`` package tree for one script,
which the environment puts in ``sys.modules`` while the script runs and
takes out afterwards.  Every spelling scripts use works:
``from migrate import UniqueConstraint``, ``from migrate.changeset import
constraint``, ``from migrate.changeset.constraint import
ForeignKeyConstraint``, ``import migrate`` then
``migrate.changeset.constraint.X``, ``from migrate.exceptions import
NotSupportedError``, ``from migrate import *``...
"""
import importlib.machinery
import types

from nova_like.migration.scripts.changeset import constraint
from nova_like.migration.scripts.changeset import exceptions
from nova_like.migration.scripts.changeset import schema

#: the sqlalchemy-migrate release whose API this imitates
VERSION = '0.13.0'

CONSTRAINTS = ('UniqueConstraint', 'ForeignKeyConstraint',
               'PrimaryKeyConstraint', 'CheckConstraint')


def modules():
    """Return ``{module name: module}`` for ``sys.modules``, built anew."""
    errors = _module('migrate.exceptions', exceptions, exceptions.NAMES)
    constraints = _module('migrate.changeset.constraint', constraint,
                          CONSTRAINTS)
    functions = _module('migrate.changeset.schema', schema, schema.__all__)
    # What sqlalchemy-migrate's star imports gave the packages.
    public = CONSTRAINTS + tuple(schema.__all__) + exceptions.NAMES
    changeset = _package('migrate.changeset', public, constraints, functions,
                         errors)
    changeset.constraint = constraints
    changeset.schema = functions
    migrate = _package('migrate', public, constraints, functions, errors)
    migrate.changeset = changeset
    migrate.exceptions = errors
    migrate.__version__ = VERSION
    return {module.__name__: module for module in (
        migrate, changeset, constraints, functions, errors)}


def _module(name, source, names, package=False):
    module = types.ModuleType(name, 'nova_like stand-in for %s' % name)
    module.__spec__ = importlib.machinery.ModuleSpec(
        name, None, is_package=package)
    module.__package__ = name if package else name.rpartition('.')[0]
    if package:
        module.__path__ = []
    for attribute in names:
        setattr(module, attribute, getattr(source, attribute))
    module.__all__ = list(names)
    return module


def _package(name, names, *sources):
    package = _module(name, sources[0], (), package=True)
    for attribute in names:
        owner = next(source for source in sources
                     if hasattr(source, attribute))
        setattr(package, attribute, getattr(owner, attribute))
    package.__all__ = list(names)
    return package
