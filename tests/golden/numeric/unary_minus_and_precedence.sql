-- operator precedence: * before +, unary minus
CREATE TEMPORARY TABLE out1 (a INT, b INT, c INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 2 + 3 * 4, (2 + 3) * 4, -2 * -3;
