"""The phase options of ``project-manage db sync``.

``--expand``, ``--contract`` and ``--check`` exclude each other and a
VERSION.  ``--check`` writes nothing and answers with Keystone's exit
codes: 0 up to date, 2 expand steps pending, 3 data migrations pending
(the next step is a contract step whose conditions do not hold), 4
contract steps pending.
"""
from nova_like import exception
from nova_like.migration import api
from nova_like.migration import phases

CHECK_CODES = {
    phases.UP_TO_DATE: 0,
    phases.EXPAND_PENDING: 2,
    phases.DATA_PENDING: 3,
    phases.CONTRACT_PENDING: 4,
}

_ADVICE = {
    phases.UP_TO_DATE: '',
    phases.EXPAND_PENDING: ': run `db sync --expand`',
    phases.DATA_PENDING: ': run `db online_data_migrations`',
    phases.CONTRACT_PENDING: ': run `db sync --contract`',
}


def chosen(version=None, expand=False, contract=False, check=False):
    """The phase asked for: None, ``'expand'`` or ``'contract'``.

    :raises ConfigError: more than one of the options, or one with VERSION.
    """
    flags = [name for name, given in (('--expand', expand),
                                      ('--contract', contract),
                                      ('--check', check)) if given]
    if len(flags) > 1 or (flags and version is not None):
        raise exception.ConfigError(
            'db sync: %s cannot be combined%s' % (
                ' and '.join(flags),
                ' with VERSION %d' % version if version is not None else ''))
    if expand:
        return phases.EXPAND
    return phases.CONTRACT if contract else None


def check(url, repository_path):
    """Print what is pending; return its exit code."""
    state = api.check(url, repository_path)
    print(state + _ADVICE[state])
    return CHECK_CODES[state]
