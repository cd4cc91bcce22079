-- SET statements (parallelism and a custom key) and a print-identifier on the sink
SET 'parallelism.default' = '1';
SET 'pipeline.name' = 'nightly-report';
CREATE TEMPORARY VIEW v (x) AS VALUES (1), (2);
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print', 'print-identifier' = 'rpt');
INSERT INTO out1 SELECT x * 10 FROM v;
