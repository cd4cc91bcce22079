-- ROW_NUMBER over the whole input
CREATE TEMPORARY TABLE out1 (name STRING, rn BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(name) AS VALUES ('c'), ('a'), ('b');
INSERT INTO out1 SELECT name, ROW_NUMBER() OVER (ORDER BY name) FROM t ORDER BY name;
