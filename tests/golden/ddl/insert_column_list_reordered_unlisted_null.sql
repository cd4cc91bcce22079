-- INSERT with an explicit column list in another order, unlisted sink column gets NULL
CREATE TEMPORARY VIEW v (a, b) AS VALUES (1, 'x'), (2, 'y');
CREATE TEMPORARY TABLE out1 (id INT, name STRING, note STRING) WITH ('connector' = 'print');
INSERT INTO out1 (name, id) SELECT b, a FROM v;
