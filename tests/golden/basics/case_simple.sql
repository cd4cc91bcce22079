-- simple CASE x WHEN v THEN ... form
CREATE TEMPORARY TABLE out1 (code INT, name STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(code) AS VALUES (1), (2), (7);
INSERT INTO out1
SELECT code, CASE code WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END
FROM t;
