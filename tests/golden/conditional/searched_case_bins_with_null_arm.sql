-- bin order totals with a searched CASE, BETWEEN and IS NULL arm
CREATE TEMPORARY VIEW o (id, total) AS VALUES (1, 5.0), (2, 50.0), (3, 500.0), (4, CAST(NULL AS DECIMAL(4, 1))), (5, 100.0);
CREATE TEMPORARY TABLE out1 (id INT, bin STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT id, CASE WHEN total IS NULL THEN 'unknown' WHEN total < 10 THEN 'small' WHEN total BETWEEN 10 AND 100 THEN 'medium' ELSE 'large' END FROM o;
