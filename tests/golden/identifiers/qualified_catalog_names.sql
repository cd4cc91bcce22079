-- fully qualified names default_catalog.default_database.t
CREATE TEMPORARY VIEW v(x) AS VALUES (1);
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO default_catalog.default_database.out1 SELECT x FROM default_catalog.default_database.v;
