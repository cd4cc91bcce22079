-- a print sink with an option the print connector does not have ('print.identifier' misspelt)
CREATE TEMPORARY VIEW v(x) AS VALUES (1);
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print', 'print.identifier' = 'dbg');
INSERT INTO out1 SELECT x FROM v;
