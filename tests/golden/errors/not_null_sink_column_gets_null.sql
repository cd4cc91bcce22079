-- a user's mistake: a NOT NULL sink column fed a NULL: the job fails
CREATE TEMPORARY VIEW v (a, b) AS VALUES (1, 'x'), (2, CAST(NULL AS STRING));
CREATE TEMPORARY TABLE out1 (a INT, b STRING NOT NULL) WITH ('connector' = 'print');
INSERT INTO out1 SELECT a, b FROM v;
