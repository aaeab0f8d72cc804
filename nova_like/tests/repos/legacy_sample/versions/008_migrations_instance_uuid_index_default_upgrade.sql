-- Plain SQL that every backend accepts, hence a single "default" script.
-- Listing the migrations of an instance scanned the whole table.
CREATE INDEX migrations_instance_uuid_and_status_idx
    ON migrations (deleted, instance_uuid, status);

-- Migrations written by Austin before 'status' was set on creation.
UPDATE migrations SET status = 'error' WHERE status IS NULL;
