"""What the linter reports: :class:`Finding` and the catalogue of codes.

Codes are stable: tools and reviewers refer to them.  ``NL0xx`` are about
reading a script at all, ``NL1xx`` apply to scripts in backport ranges (they
run twice: once in a stable slot, again as the master twin), ``NL2xx`` are
the migration guidelines that apply everywhere, ``NL3xx`` come from
``--verify`` (running the scripts).
"""
import dataclasses

# code -> (title, how to fix it)
CODES = {
    'NL001': ('script does not parse',
              'fix the syntax error; nothing else can be checked until then'),
    'NL101': ('table created with no existence guard',
              'use create(checkfirst=True), or wrap it in `if not '
              'migrate_engine.has_table(name):`'),
    'NL102': ('column added with no existence guard',
              "wrap it in `if not hasattr(table.c, 'column'):`"),
    'NL103': ('index created with no existence guard',
              'check the inspector first (`if name not in [i["name"] for i '
              'in inspector.get_indexes(table)]`) or oslo.db '
              '`utils.index_exists()`'),
    'NL104': ('constraint created with no existence guard',
              'check inspector.get_unique_constraints() / '
              'get_foreign_keys() for its name first'),
    'NL105': ('object dropped with no existence guard',
              "guard it (`if hasattr(table.c, 'column'):`, "
              'drop(checkfirst=True), an inspector check) so a second run '
              'finds nothing to drop and does nothing'),
    'NL106': ('unnamed constraint or index',
              'give it an explicit name=...: the backend invents names that '
              'differ per database, so it can be neither guarded nor '
              'dropped again'),
    'NL107': ('INSERT not safe to run twice',
              'insert only the rows that are missing (check with a SELECT '
              'first, or catch the duplicate-key error for that row)'),
    'NL108': ('relative UPDATE',
              'set absolute values (x = 5, not x = x + 1), or guard the '
              'update with a check that it has not run yet'),
    'NL109': ('rename in a backport',
              "the stable release's code still uses the old name: add the "
              'new object and copy the data instead of renaming'),
    'NL110': ('type change that does not check the current type',
              'compare the current type first (`if not isinstance('
              'table.c.x.type, String) or table.c.x.type.length != 255:`): '
              'the twin runs again after later master migrations'),
    'NL111': ('non-deterministic value in a data change',
              'use a fixed value: now()/uuid4() give the stable and the '
              'master path different data, and a second run changes it '
              'again'),
    'NL112': ('filled slot with no recorded twin',
              'record `[backports] SLOT = MASTER` in releases.cfg '
              '(`project-manage repo backport` does it)'),
    'NL113': ('inconsistent backport record',
              'fix the [backports] entry of releases.cfg: SLOT = MASTER, '
              'with SLOT a reserved placeholder and MASTER after it'),
    'NL114': ('twin differs from its slot',
              'a slot must carry exactly the master migration: copy the '
              "master twin's code into the slot again"),
    'NL201': ('structural change to a released script',
              'released scripts are frozen (releases.lock): revert the '
              'change and write a new migration; comments, docstrings and '
              'formatting may change'),
    'NL202': ('released script renumbered',
              'put the script back at its released version: databases '
              'already recorded that number'),
    'NL203': ('released script missing',
              'restore the file: databases upgraded through it need it '
              'to be there'),
    'NL204': ('script added inside a released range',
              'new work goes after the head; only reserved placeholder '
              'slots of a released range may change'),
    'NL205': ('duplicate version number',
              'renumber one of the scripts after the head'),
    'NL206': ('gap in the version numbers',
              'renumber the scripts or add placeholders: an upgrade across '
              'the gap fails'),
    'NL207': ('placeholder that is not a pure no-op',
              "keep NNN_placeholder.py scripts empty (`def upgrade("
              "migrate_engine): pass`); a backport fills a slot under its "
              'own name and records its twin'),
    'NL208': ('upgrade with no structural inverse',
              'write a downgrade() that undoes each structural change (the '
              'repository asks for it: [lint] require_downgrade)'),
    'NL209': ("script imports the application's live models",
              'the models change after the script is written: declare the '
              'tables the script needs in the script itself'),
    'NL211': ('version file ignored by sqlalchemy-migrate',
              'version files need at least three leading digits '
              '(001_name.py)'),
    'NL301': ('script fails when run a second time',
              'make it idempotent: see the static findings for this script'),
    'NL302': ('second run changes the schema',
              'make it idempotent: a second run must find the work done'),
    'NL303': ('stable path differs from the master path',
              'the slot and its twin must leave the same schema whether a '
              'database took the stable path or master alone'),
    'NL304': ('migrating to the checked script fails',
              'fix the failing version first: nothing after it can be '
              'verified'),
}


@dataclasses.dataclass(frozen=True, order=True)
class Finding(object):
    """One problem at ``path:line``; ``message`` says what, ``fix`` how."""

    path: str
    line: int
    code: str
    message: str
    fix: str = ''

    @classmethod
    def make(cls, path, line, code, message):
        """A finding with the catalogue's fix for ``code``."""
        return cls(path, line, code, message, CODES[code][1])

    def as_dict(self, path=None):
        return {'path': path or self.path, 'line': self.line,
                'code': self.code, 'title': CODES[self.code][0],
                'message': self.message, 'fix': self.fix}
