-- JSON_OBJECTAGG prints its keys sorted; JSON_ARRAYAGG keeps its rows' order, each object's keys sorted
CREATE TEMPORARY VIEW v(id, k) AS VALUES (1, 'zz'), (2, 'aa'), (3, 'mm');
CREATE TEMPORARY TABLE out1 (a STRING, b STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT JSON_OBJECTAGG(KEY k VALUE id), JSON_ARRAYAGG(JSON_OBJECT('z' VALUE id, 'a' VALUE k)) FROM v;
