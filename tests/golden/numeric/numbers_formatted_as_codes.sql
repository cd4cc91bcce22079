-- numbers rendered as strings with CAST and concatenation, padded with LPAD
CREATE TEMPORARY VIEW m (id, amount) AS VALUES (7, CAST(3.5 AS DECIMAL(8, 2))), (42, CAST(1200 AS DECIMAL(8, 2)));
CREATE TEMPORARY TABLE out1 (code STRING, label STRING, d STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 'INV-' || LPAD(CAST(id AS STRING), 5, '0'), CAST(amount AS STRING) || ' EUR', CAST(CAST(amount AS DOUBLE) AS STRING) FROM m;
