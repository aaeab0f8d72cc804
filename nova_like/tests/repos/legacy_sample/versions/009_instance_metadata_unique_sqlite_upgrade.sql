-- SQLite cannot add a constraint to an existing table; a unique index with
-- the constraint's name gives the same guarantee.  sqlalchemy-migrate
-- prefers this file to 009_instance_metadata_unique.py on SQLite.
CREATE UNIQUE INDEX uniq_instance_metadata0instance_uuid0key0deleted
    ON instance_metadata (instance_uuid, "key", deleted);
