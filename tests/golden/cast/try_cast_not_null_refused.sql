-- TRY_CAST to a NOT NULL type: refused by Flink's parser, as CAST is
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT TRY_CAST('1' AS INT NOT NULL);
