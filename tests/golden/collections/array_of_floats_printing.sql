-- ARRAY<FLOAT> printing (embedding vectors are FLOAT arrays)
CREATE TEMPORARY TABLE out1 (a ARRAY<FLOAT>) WITH ('connector' = 'print');
INSERT INTO out1 SELECT ARRAY[CAST(0.1 AS FLOAT), CAST(-0.25 AS FLOAT), CAST(1 AS FLOAT)];
