-- INSERT OVERWRITE into a csv filesystem sink and a print of what was written
CREATE TEMPORARY VIEW v(k, x) AS VALUES ('a', 1), ('b', 2);
CREATE TABLE out_files (k STRING, x INT) WITH ('connector' = 'filesystem', 'path' = '${BAILIAN_OUTPUT_DIR}/golden_fs_overwrite', 'format' = 'csv');
INSERT OVERWRITE out_files SELECT k, x FROM v;
