-- a BOOLEAN compared with a string literal: refused here (Flink 2.3 compares FALSE for every row, whatever the text)
CREATE TEMPORARY VIEW v (b) AS VALUES (TRUE), (FALSE), (CAST(NULL AS BOOLEAN));
CREATE TEMPORARY TABLE out1 (b BOOLEAN, t1 BOOLEAN, t2 BOOLEAN, f1 BOOLEAN, one_ BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT b, b = 'true', b = 'TRUE', b = 'false', b = '1' FROM v;
