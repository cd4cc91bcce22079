-- JSON_OBJECT mixing the ':' and VALUE forms, nested, with ABSENT ON NULL
CREATE TEMPORARY TABLE out1 (j STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(id, name) AS VALUES (1, 'ann'), (2, 'bob');
INSERT INTO out1 SELECT JSON_OBJECT('id' : id, KEY 'n' VALUE name, 'o' : JSON_OBJECT('x':id), 'z' : CAST(NULL AS STRING) ABSENT ON NULL) FROM t ORDER BY id;
