-- a csv filesystem sink (rows are not shown)
CREATE TABLE sink (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '${BAILIAN_OUTPUT_DIR}/golden_fs_sink', 'format' = 'csv');
INSERT INTO sink SELECT 1, 'a';
