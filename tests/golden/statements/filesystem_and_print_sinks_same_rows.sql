-- a filesystem csv sink plus a print sink fed from the same query
CREATE TEMPORARY VIEW v (x, y) AS VALUES (1, 'a'), (2, 'b');
CREATE TEMPORARY TABLE fs_out (x INT, y STRING) WITH ('connector' = 'filesystem', 'path' = '${BAILIAN_OUTPUT_DIR}/golden_statements_filesystem_and_print', 'format' = 'csv');
CREATE TEMPORARY TABLE p_out (x INT, y STRING) WITH ('connector' = 'print');
INSERT INTO fs_out SELECT x, y FROM v;
INSERT INTO p_out SELECT x, y FROM v;
