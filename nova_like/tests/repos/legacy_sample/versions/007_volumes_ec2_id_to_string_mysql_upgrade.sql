-- ec2_id becomes a string ('vol-0000000a'); existing numbers are kept.
ALTER TABLE volumes MODIFY ec2_id VARCHAR(255) NULL;
