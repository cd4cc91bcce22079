-- LAG and LEAD with default offsets and a default value
CREATE TEMPORARY TABLE out1 (i INT, prev_ INT, next_ INT, prev2 INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(i, v) AS VALUES (1, 10), (2, 20), (3, 30);
INSERT INTO out1 SELECT i, LAG(v) OVER (ORDER BY i), LEAD(v) OVER (ORDER BY i), LAG(v, 2, -1) OVER (ORDER BY i)
FROM t ORDER BY i;
