"""Loads one ``.py`` version script as a module, without touching sys.path.

sqlalchemy-migrate put the versions folder on ``sys.path`` and imported
``001_x`` as a top-level module, so two repositories clashed.  We load from
the file with a sanitized, unique module name and drop the module from
``sys.modules`` again once the script has run.
"""
import contextlib
import hashlib
import importlib.util
import re
import sys

from nova_like import exception

_NOT_IDENTIFIER = re.compile(r'\W')


def module_name(path):
    """A unique, importable-looking name for the script at ``path``."""
    digest = hashlib.sha1(path.encode('utf-8', 'surrogateescape')).hexdigest()
    stem = _NOT_IDENTIFIER.sub('_', path.rsplit('/', 1)[-1][:-3])
    return 'nova_like_script_%s_%s' % (digest[:10], stem)


@contextlib.contextmanager
def loaded(path):
    """Load the script at ``path``; yield its module; forget it afterwards.

    :raises ScriptError: the file does not compile or its import raises.
    """
    name = module_name(path)
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    # Registered while it runs: dataclasses, pickling and relative lookups
    # of the script's own globals need sys.modules to know it.
    sys.modules[name] = module
    try:
        _execute(spec, module, path)
        yield module
    finally:
        sys.modules.pop(name, None)


def _execute(spec, module, path):
    try:
        spec.loader.exec_module(module)
    except SyntaxError as error:
        raise exception.ScriptError(
            'version script %s does not compile: line %s: %s' % (
                path, error.lineno, error.msg))
    except Exception as error:
        raise exception.ScriptError(
            'version script %s failed to import: %s: %s' % (
                path, type(error).__name__, ' '.join(str(error).split())))


def function(module, name, path):
    """Return ``module.name`` or raise a ScriptError naming the file."""
    func = getattr(module, name, None)
    if not callable(func):
        raise exception.ScriptError(
            'version script %s defines no %s(migrate_engine) function' % (
                path, name))
    return func
