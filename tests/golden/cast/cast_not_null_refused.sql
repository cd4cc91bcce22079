-- CAST to a NOT NULL type: Flink's parser refuses NOT NULL after a CAST's type
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT CAST(1 AS INT NOT NULL);
