-- a typo in a keyword (GROUP BY written GRUOP BY) in a job with a CTE
CREATE TEMPORARY VIEW v(k, x) AS VALUES ('a', 1);
CREATE TEMPORARY TABLE out1 (k STRING, n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 WITH w AS (SELECT * FROM v) SELECT k, COUNT(*) FROM w GRUOP BY k;
