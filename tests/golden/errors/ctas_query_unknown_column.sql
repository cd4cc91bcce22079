-- CTAS whose query names a column its source lacks
CREATE TABLE t WITH ('connector' = 'print') AS SELECT nope FROM (VALUES (1)) AS v(a);
