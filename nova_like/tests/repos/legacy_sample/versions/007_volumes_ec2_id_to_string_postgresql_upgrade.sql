-- ec2_id becomes a string ('vol-0000000a'); existing numbers are kept.
ALTER TABLE volumes ALTER COLUMN ec2_id TYPE VARCHAR(255)
    USING CAST(ec2_id AS VARCHAR(255));
