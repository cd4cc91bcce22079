-- integer division by zero from data, versus DECIMAL division by zero [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW t (a, b) AS VALUES (10, 2), (5, 0);
CREATE TEMPORARY TABLE out1 (q INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT a / b FROM t;
