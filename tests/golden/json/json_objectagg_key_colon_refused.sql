-- JSON_OBJECTAGG's KEY form needs VALUE: KEY name : id is refused
CREATE TEMPORARY TABLE out1 (j STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(id, name) AS VALUES (1, 'ann'), (2, 'bob');
INSERT INTO out1 SELECT JSON_OBJECTAGG(KEY name : id) FROM t;
