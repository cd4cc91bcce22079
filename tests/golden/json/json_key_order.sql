-- JSON objects print with their keys sorted at every level (JSON_OBJECT, JSON_ARRAY, JSON_QUERY); a JSON_QUERY value inside JSON_OBJECT is a string, a JSON_OBJECT inside JSON_STRING is embedded
CREATE TEMPORARY VIEW v(id, k, j) AS VALUES (1, 'zz', '{"b":1,"a":{"d":2,"c":[{"y":1,"x":2}]}}'), (2, 'aa', '[{"b":1,"a":2}]');
CREATE TEMPORARY TABLE out1 (a STRING, b STRING, c STRING, d STRING, e STRING, f STRING, g STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT
  JSON_OBJECT('z' VALUE JSON_OBJECT('y' VALUE 1, 'b' VALUE 2), 'a' VALUE JSON_ARRAY(JSON_OBJECT('q' VALUE 1, 'c' VALUE 2))),
  JSON_QUERY(j, '$'),
  JSON_QUERY(j, '$.a' WITH WRAPPER),
  JSON_OBJECT('k' VALUE JSON_QUERY(j, '$')),
  JSON_OBJECT('k' VALUE j),
  JSON_STRING(JSON_OBJECT('z' VALUE 1, 'a' VALUE 2)),
  JSON_ARRAY(JSON_OBJECT('z' VALUE 1, 'a' VALUE 2))
FROM v;
