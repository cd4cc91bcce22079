-- INSERT ... PARTITION (k = v): the query gives the other columns, with or without a column list
CREATE TABLE p (a INT, b STRING, part INT) PARTITIONED BY (part) WITH ('connector' = 'filesystem', 'path' = '${BAILIAN_OUTPUT_DIR}/static_partition_insert', 'format' = 'csv');
INSERT INTO p PARTITION (part = 1) SELECT 10, 'x';
INSERT INTO p PARTITION (part = 2) (b, a) SELECT 'y', 20;
