-- a static partition of a column that is no partition key is refused
CREATE TABLE p (a INT, b STRING, part INT) PARTITIONED BY (part) WITH ('connector' = 'filesystem', 'path' = '${BAILIAN_OUTPUT_DIR}/static_partition_not_key', 'format' = 'csv');
INSERT INTO p PARTITION (a = 1) SELECT 'x', 3;
