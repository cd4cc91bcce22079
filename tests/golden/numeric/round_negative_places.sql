-- ROUND with negative places rounds to tens
CREATE TEMPORARY TABLE out1 (a INT, b INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT ROUND(1250, -2), ROUND(1249, -2);
