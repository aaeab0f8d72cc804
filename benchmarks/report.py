"""The table, the derived per-placeholder cost and the targets."""

TOOLS = ('nova_like', 'migrate', 'alembic')
PLACEHOLDERS_BETWEEN = 700  # sync1000p minus sync300: 990 - 290
TARGETS = (('sync300', 'migrate', 0.35), ('sync300', 'alembic', 0.4),
           ('version', 'migrate', 0.8))
PLACEHOLDER_TARGET_MS = 0.2
HEADER = '%-40s %-10s %-21s %-21s %-21s %6s %6s  %s'


def print_table(rows, runs):
    print('seconds: median (min-max) of %d runs; peak RSS: highest of the '
          'runs, MiB' % runs)
    print(HEADER % ('scenario', 'db', 'nova_like', 'sqlalchemy-migrate',
                    'alembic', 'nl/mig', 'nl/alb',
                    'peak RSS nl/mig/alb'))
    for row in rows:
        print(HEADER % (
            row.label, row.backend,
            *[cell(row, tool) for tool in TOOLS],
            ratio(row, 'migrate'), ratio(row, 'alembic'),
            '/'.join('%.0f' % row.samples[tool].peak_mib
                     if tool in row.samples else '-' for tool in TOOLS)))
    print_placeholders(rows)
    print_targets(rows)


def cell(row, tool):
    return row.samples[tool].describe() if tool in row.samples else 'n/a'


def ratio(row, other, value=False):
    if other not in row.samples or 'nova_like' not in row.samples:
        return None if value else 'n/a'
    result = row.samples['nova_like'].median / row.samples[other].median
    return result if value else '%.2f' % result


def find(rows, key, backend):
    return next((row for row in rows if row.key == key and
                 row.backend == backend), None)


def per_placeholder_ms(rows, backend, tool):
    """(sync 1000 with 10 tables - sync 300 with 10 tables) / 700, in ms.

    Both repositories create the same 10 tables: the difference is exactly
    700 more placeholders (and the larger repository to read).
    """
    small, large = find(rows, 'sync300', backend), \
        find(rows, 'sync1000p', backend)
    if small is None or large is None or tool not in small.samples:
        return None
    return 1000.0 * (large.samples[tool].median -
                     small.samples[tool].median) / PLACEHOLDERS_BETWEEN


def print_placeholders(rows):
    for backend in sorted({row.backend for row in rows}):
        costs = [(tool, per_placeholder_ms(rows, backend, tool))
                 for tool in TOOLS]
        if all(cost is None for _tool, cost in costs):
            continue
        print('per placeholder on %s ((sync1000p - sync300) / 700): %s' % (
            backend, ', '.join('%s %.3f ms' % (tool, cost)
                               for tool, cost in costs if cost is not None)))


def print_targets(rows):
    for row in rows:
        for key, other, limit in TARGETS:
            value = ratio(row, other, value=True)
            if row.key == key and value is not None:
                verdict(value <= limit, '%s %s: nova_like/%s %.2f <= %.2f' % (
                    key, row.backend, other, value, limit))
        nova = row.samples.get('nova_like')
        others = [row.samples[tool].peak_mib for tool in TOOLS[1:]
                  if tool in row.samples]
        if nova and others:
            verdict(nova.peak_mib <= min(others),
                    '%s %s: peak RSS %.0f MiB <= %.0f MiB' % (
                        row.key, row.backend, nova.peak_mib, min(others)))
    for backend in sorted({row.backend for row in rows}):
        cost = per_placeholder_ms(rows, backend, 'nova_like')
        if cost is not None:
            verdict(cost < PLACEHOLDER_TARGET_MS,
                    'placeholder %s: %.3f ms < %.1f ms' % (
                        backend, cost, PLACEHOLDER_TARGET_MS))


def verdict(met, text):
    print('target %-6s %s' % ('met' if met else 'MISSED', text))
