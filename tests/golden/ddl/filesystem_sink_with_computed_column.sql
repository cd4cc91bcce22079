-- writing a filesystem sink that has a computed column: the INSERT lists only physical columns
CREATE TEMPORARY VIEW v(a) AS VALUES (1), (2);
CREATE TABLE out_files (a INT, doubled AS a * 2) WITH ('connector' = 'filesystem', 'path' = '${BAILIAN_OUTPUT_DIR}/golden_fs_computed_column', 'format' = 'csv');
INSERT INTO out_files SELECT a FROM v;
