-- a NOT NULL sink column receiving a NULL
CREATE TEMPORARY TABLE out1 (id INT NOT NULL) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(v) AS VALUES (1), (CAST(NULL AS INT));
INSERT INTO out1 SELECT v FROM t;
