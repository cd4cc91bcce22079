-- a print table with its own print-identifier prefixes each row
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print', 'print-identifier' = 'mine');
CREATE TEMPORARY VIEW t(x) AS VALUES (1), (2);
INSERT INTO out1 SELECT x FROM t;
