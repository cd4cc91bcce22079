-- JSON_OBJECTAGG builds one object from rows
CREATE TEMPORARY TABLE out1 (j STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, v) AS VALUES ('a', 1), ('b', 2);
INSERT INTO out1 SELECT JSON_OBJECTAGG(KEY k VALUE v) FROM t;
