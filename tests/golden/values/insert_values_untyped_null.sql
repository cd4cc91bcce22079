-- INSERT ... VALUES with a bare NULL is refused even though the sink column has a type
CREATE TEMPORARY TABLE out1 (a INT, b STRING) WITH ('connector' = 'print');
INSERT INTO out1 VALUES (1, NULL), (2, 'x');
