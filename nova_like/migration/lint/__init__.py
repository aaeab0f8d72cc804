"""The migration linter: ``project-manage repo lint`` and ``repo lock``.

:mod:`linter` is the entry point (:func:`linter.lint`, :func:`linter.lock`).
The rules work on the repository's
:class:`~nova_like.migration.repository.Script` objects, read with
:mod:`ast` and never imported: :mod:`rules_backport` (idempotency of the
scripts :mod:`targets` names, from the operations :mod:`walker` finds with
:mod:`operations`, :mod:`guards` and :mod:`sqltext`), :mod:`rules_twins`,
:mod:`rules_lock` (against :mod:`lockfile`), :mod:`rules_guidelines` and
:mod:`numbering`.  Codes and fixes are catalogued in :mod:`findings`;
:mod:`report` prints them.  :mod:`verify` runs the backport scripts on a
scratch database: it alone imports SQLAlchemy and the script environment.
"""
