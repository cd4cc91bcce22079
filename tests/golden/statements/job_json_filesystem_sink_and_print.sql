-- a job writing to a json filesystem sink under ${BAILIAN_OUTPUT_DIR} and a print summary
CREATE TEMPORARY VIEW v(k, x) AS VALUES ('a', 1), ('b', 2);
CREATE TABLE out_files (k STRING, x INT) WITH ('connector' = 'filesystem', 'path' = '${BAILIAN_OUTPUT_DIR}/golden_fs_json_and_print', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (n BIGINT) WITH ('connector' = 'print');
INSERT INTO out_files SELECT k, x FROM v;
INSERT INTO out1 SELECT COUNT(*) FROM v;
