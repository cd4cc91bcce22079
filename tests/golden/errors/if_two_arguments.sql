-- a user's mistake: IF with only two arguments
CREATE TEMPORARY VIEW v (x) AS VALUES (1);
CREATE TEMPORARY TABLE out1 (y STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT IF(x > 0, 'pos') FROM v;
