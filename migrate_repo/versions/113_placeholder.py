# This is a placeholder for backports. Do not use this number for new work.
# Reserved for backports to havana; new work starts after the placeholders.


def upgrade(migrate_engine):
    pass
