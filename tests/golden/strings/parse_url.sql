-- PARSE_URL extracts host, path and a query parameter
CREATE TEMPORARY TABLE out1 (h STRING, p STRING, q STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(u) AS VALUES ('https://example.com/a/b?id=7&x=1');
INSERT INTO out1 SELECT PARSE_URL(u, 'HOST'), PARSE_URL(u, 'PATH'), PARSE_URL(u, 'QUERY', 'id')
FROM t;
