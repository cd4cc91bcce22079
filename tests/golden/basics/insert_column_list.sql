-- INSERT with an explicit column list in another order; missing columns are NULL
CREATE TEMPORARY TABLE out1 (a INT, b STRING, c DOUBLE) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(id, name) AS VALUES (1, 'x'), (2, 'y');
INSERT INTO out1 (b, a) SELECT name, id FROM t;
