-- a bare NULL in the SELECT list inserted into an INT column
CREATE TEMPORARY TABLE out1 (id INT, v INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(id) AS VALUES (1);
INSERT INTO out1 SELECT id, NULL FROM t;
