-- ROW_NUMBER without ORDER BY in the window
CREATE TEMPORARY TABLE out1 (name STRING, rn BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(name) AS VALUES ('c'), ('a');
INSERT INTO out1 SELECT name, ROW_NUMBER() OVER (PARTITION BY name) FROM t;
