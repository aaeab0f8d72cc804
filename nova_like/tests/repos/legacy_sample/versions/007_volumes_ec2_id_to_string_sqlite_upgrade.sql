-- SQLite cannot change the type of a column: rebuild the table through a
-- temporary copy.  volumes has no index and nothing refers to it yet.
BEGIN TRANSACTION;

CREATE TEMPORARY TABLE volumes_backup (
    id VARCHAR(36) NOT NULL,
    created_at DATETIME,
    updated_at DATETIME,
    deleted_at DATETIME,
    deleted INTEGER,
    ec2_id INTEGER,
    size INTEGER,
    host VARCHAR(255),
    instance_uuid VARCHAR(36),
    status VARCHAR(255),
    attach_status VARCHAR(255),
    display_name VARCHAR(255),
    attach_time DATETIME,
    PRIMARY KEY (id)
);

INSERT INTO volumes_backup
    SELECT id, created_at, updated_at, deleted_at, deleted, ec2_id, size,
           host, instance_uuid, status, attach_status, display_name,
           attach_time
    FROM volumes;

DROP TABLE volumes;

CREATE TABLE volumes (
    id VARCHAR(36) NOT NULL,
    created_at DATETIME,
    updated_at DATETIME,
    deleted_at DATETIME,
    deleted INTEGER,
    ec2_id VARCHAR(255),
    size INTEGER,
    host VARCHAR(255),
    instance_uuid VARCHAR(36),
    status VARCHAR(255),
    attach_status VARCHAR(255),
    display_name VARCHAR(255),
    attach_time DATETIME,
    PRIMARY KEY (id)
);

INSERT INTO volumes
    SELECT id, created_at, updated_at, deleted_at, deleted, ec2_id, size,
           host, instance_uuid, status, attach_status, display_name,
           attach_time
    FROM volumes_backup;

DROP TABLE volumes_backup;

COMMIT;
