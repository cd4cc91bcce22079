-- JSON_OBJECTAGG's 'key' : value form
CREATE TEMPORARY TABLE out1 (j STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(id, name) AS VALUES (1, 'ann'), (2, 'bob');
INSERT INTO out1 SELECT JSON_OBJECTAGG(name : id) FROM t;
