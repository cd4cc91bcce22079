-- BIGINT epoch millis arithmetic with DOUBLE rates and integer division into minutes
CREATE TEMPORARY VIEW v(start_ms, end_ms, bytes) AS VALUES (CAST(1700000000000 AS BIGINT), CAST(1700000123456 AS BIGINT), 1048576);
CREATE TEMPORARY TABLE out1 (dur_ms BIGINT, minutes BIGINT, mb_per_s DOUBLE) WITH ('connector' = 'print');
INSERT INTO out1 SELECT end_ms - start_ms, (end_ms - start_ms) / 60000, bytes / 1048576.0 / ((end_ms - start_ms) / 1000.0) FROM v;
