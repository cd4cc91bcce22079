-- JSON_VALUE extracts scalars as STRING by default
CREATE TEMPORARY TABLE out1 (name STRING, city STRING, missing STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(j) AS VALUES ('{"name": "ann", "address": {"city": "Oslo"}}');
INSERT INTO out1 SELECT JSON_VALUE(j, '$.name'), JSON_VALUE(j, '$.address.city'), JSON_VALUE(j, '$.nope')
FROM t;
