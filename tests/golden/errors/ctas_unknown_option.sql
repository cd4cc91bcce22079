-- CTAS with an option its connector does not know
CREATE TABLE t WITH ('connector' = 'print', 'foo' = 'bar') AS SELECT 1 AS a;
