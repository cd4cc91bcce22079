-- CASE branches of DATE and TIMESTAMP have no common type: refused (cast one side)
-- golden: expect-message
CREATE TEMPORARY TABLE out1 (r STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(d, ts, n) AS VALUES (DATE '2024-01-02', TIMESTAMP '2024-03-04 05:06:07', 1), (CAST(NULL AS DATE), TIMESTAMP '2024-07-08 09:10:11', 2);
INSERT INTO out1 SELECT CAST(CASE WHEN n = 1 THEN d ELSE ts END AS STRING) FROM t;
