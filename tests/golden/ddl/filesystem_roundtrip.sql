-- write a json filesystem table and a print sink in one job
CREATE TABLE sink (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '${BAILIAN_OUTPUT_DIR}/golden_fs_roundtrip', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (id INT, name STRING) WITH ('connector' = 'print');
INSERT INTO sink SELECT 1, 'a';
INSERT INTO out1 SELECT 2, 'b';
