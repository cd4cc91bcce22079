-- date arithmetic to find the first of the month
CREATE TEMPORARY TABLE out1 (a DATE) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(d) AS VALUES (DATE '2024-02-17');
INSERT INTO out1 SELECT CAST(FLOOR(CAST(d AS TIMESTAMP) TO MONTH) AS DATE) FROM t;
