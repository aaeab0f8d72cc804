"""Online data migrations: run in batches while the services keep running.

A migration is a function ``migration(context, max_count) -> (found,
done)``: it looks for at most ``max_count`` rows still to migrate
(``found``) and migrates them (``done``), through ``context.connection``.
Each call runs in its own transaction, so a batch is all or nothing and
locks are held briefly.  The shape and the exit codes are nova-manage's.
"""
import dataclasses

#: Rows per batch when no ``max_count`` is given.
BATCH_SIZE = 50


@dataclasses.dataclass(frozen=True)
class Context(object):
    """What a migration gets: the ``connection``, inside a transaction."""

    connection: object


@dataclasses.dataclass
class Tally(object):
    """One migration's totals over a run.

    ``left``: rows its last batch found but did not migrate; they would be
    found again, so they count once in ``found``.
    """

    name: str
    done: int = 0
    left: int = 0
    error: str = None

    @property
    def found(self):
        return self.done + self.left


@dataclasses.dataclass(frozen=True)
class Report(object):
    """What a run did; ``more_to_do`` when rows may remain."""

    tallies: tuple
    more_to_do: bool

    @property
    def errors(self):
        return [tally for tally in self.tallies if tally.error]


def run(connection, migrations, max_count=None):
    """Run ``migrations`` until nothing is left, or ``max_count`` rows.

    Without ``max_count``, rounds of :data:`BATCH_SIZE` rows go on until a
    round migrates nothing.  A migration that raises is rolled back,
    reported, and does not stop the others.

    :returns: :class:`Report`
    """
    tallies = [Tally(_name(migration)) for migration in migrations]
    if max_count is not None:
        done = _round(connection, migrations, tallies, max_count)
        return Report(tuple(tallies), done >= max_count or _stuck(tallies))
    while _round(connection, migrations, tallies, BATCH_SIZE):
        pass
    return Report(tuple(tallies), _stuck(tallies))


def _round(connection, migrations, tallies, budget):
    # Like nova-manage: the budget is shared by the migrations in order.
    ran = 0
    for migration, tally in zip(migrations, tallies):
        if ran >= budget:
            break
        try:
            with connection.begin():
                found, done = migration(Context(connection), budget - ran)
        except Exception as error:
            tally.error = '%s: %s' % (type(error).__name__,
                                      ' '.join(str(error).split()))
            continue
        tally.done += done
        tally.left = found - done
        ran += done
    return ran


def _stuck(tallies):
    # Rows found but not migrated will be found again: more to do.
    return any(tally.left for tally in tallies)


def _name(migration):
    return getattr(migration, '__name__', repr(migration))
