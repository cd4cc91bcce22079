-- date literals and comparison of DATE values
CREATE TEMPORARY TABLE out1 (d DATE, after_ BOOLEAN) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(d) AS VALUES (DATE '2024-01-31'), (DATE '2024-02-01');
INSERT INTO out1 SELECT d, d > DATE '2024-01-31' FROM t;
