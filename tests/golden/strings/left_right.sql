-- LEFT and RIGHT take characters from either end
CREATE TEMPORARY TABLE out1 (a STRING, b STRING, c STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT LEFT('flink', 2), RIGHT('flink', 3), LEFT('ab', 5);
