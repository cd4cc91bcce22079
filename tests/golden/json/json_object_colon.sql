-- JSON_OBJECT's 'key' : value form, as KEY ... VALUE
CREATE TEMPORARY TABLE out1 (j STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(id, name) AS VALUES (1, 'ann'), (2, 'bob');
INSERT INTO out1 SELECT JSON_OBJECT('id' : id, 'name' : name) FROM t ORDER BY id;
