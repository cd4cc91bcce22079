-- backticked identifiers with spaces and symbols
CREATE TEMPORARY VIEW v(`first name`, `e-mail`) AS VALUES ('ann', 'a@x.io');
CREATE TEMPORARY TABLE out1 (`first name` STRING, `e-mail` STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT `first name`, `e-mail` FROM v;
