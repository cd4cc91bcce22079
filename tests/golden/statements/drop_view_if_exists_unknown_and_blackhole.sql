-- a blackhole sink, a DROP TEMPORARY VIEW IF EXISTS of an unknown view, then an insert
DROP TEMPORARY VIEW IF EXISTS never_there;
CREATE TEMPORARY VIEW v (x) AS VALUES (1), (2);
CREATE TEMPORARY TABLE bh (x INT) WITH ('connector' = 'blackhole');
CREATE TEMPORARY TABLE p (n BIGINT) WITH ('connector' = 'print');
INSERT INTO bh SELECT x FROM v;
INSERT INTO p SELECT COUNT(*) FROM v;
