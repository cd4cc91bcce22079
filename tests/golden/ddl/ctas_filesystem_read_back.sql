-- CTAS into filesystem tables (one PARTITIONED BY) runs where it stands: a later INSERT reads its rows, typed as the query typed them (INT NOT NULL, CHAR(1) NOT NULL)
CREATE TABLE ctas_fs WITH ('connector' = 'filesystem', 'path' = '${BAILIAN_OUTPUT_DIR}/ctas_fs_read_back', 'format' = 'csv') AS SELECT 1 AS a, 'x' AS b;
CREATE TABLE ctas_parts PARTITIONED BY (b) WITH ('connector' = 'filesystem', 'path' = '${BAILIAN_OUTPUT_DIR}/ctas_parts_read_back', 'format' = 'csv') AS SELECT 2 AS a, 'y' AS b;
CREATE TEMPORARY TABLE out1 (a STRING, b STRING, c INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT TYPEOF(a), TYPEOF(b), a FROM ctas_fs;
