-- JSON_OBJECT builds a JSON object from key/value pairs
CREATE TEMPORARY TABLE out1 (j STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(id, name) AS VALUES (1, 'ann');
INSERT INTO out1 SELECT JSON_OBJECT('id' VALUE id, 'name' VALUE name) FROM t;
