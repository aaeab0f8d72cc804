"""nova-manage's command plumbing: ``@args`` and the category parsers."""
import argparse
import inspect


def args(*args, **kwargs):
    """Declare one argparse argument of a command method."""
    def _decorator(func):
        func.__dict__.setdefault('args', []).insert(0, (args, kwargs))
        return func
    return _decorator


def methods_of(obj):
    """Public methods of ``obj``: the actions of a category."""
    return [(name, getattr(obj, name)) for name in dir(obj)
            if not name.startswith('_') and callable(getattr(obj, name))]


def add_command_parsers(subparsers, categories, conf):
    """Build ``CATEGORY ACTION [args]`` parsers from command classes.

    Each command class is instantiated with the parsed configuration.
    """
    for category, command_class in sorted(categories.items()):
        command_object = command_class(conf)
        parser = subparsers.add_parser(
            category, description=command_class.__doc__)
        parser.set_defaults(command_object=command_object)
        actions = parser.add_subparsers(dest='action')
        actions.required = True
        for action, action_fn in methods_of(command_object):
            _add_action(actions, action, action_fn)


def _add_action(actions, action, action_fn):
    doc = inspect.cleandoc(action_fn.__doc__ or '')
    # `version_control` as nova-manage spells it, `reserve-placeholders` as
    # people type it: both names work.
    aliases = [action.replace('_', '-')] if '_' in action else []
    parser = actions.add_parser(
        action, aliases=aliases, help=doc.splitlines()[0] if doc else None,
        description=doc,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    dests = []
    for arg_names, kwargs in getattr(action_fn, 'args', []):
        parser.add_argument(*arg_names, **kwargs)
        dests.append(kwargs.get('dest') or arg_names[0].lstrip('-').replace(
            '-', '_'))
    parser.set_defaults(action_fn=action_fn, action_kwargs=dests)
