-- CASE mixing INT, DECIMAL and DOUBLE branches, and a CASE returning a NULL branch, into STRING
CREATE TEMPORARY VIEW v(x) AS VALUES (1), (2), (3), (4);
CREATE TEMPORARY TABLE out1 (x INT, a STRING, b STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT x,
       CAST(CASE x WHEN 1 THEN 1 WHEN 2 THEN 2.5 WHEN 3 THEN 1e1 ELSE NULL END AS STRING),
       CASE WHEN x % 2 = 0 THEN 'even' END
FROM v ORDER BY x;
