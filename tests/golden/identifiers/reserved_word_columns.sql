-- reserved words as column names need backticks
CREATE TEMPORARY VIEW v(`user`, `timestamp`, `value`) AS VALUES ('ann', 1, 'x');
CREATE TEMPORARY TABLE out1 (`user` STRING, `value` STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT `user`, `value` FROM v;
