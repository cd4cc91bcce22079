-- INSERT INTO t /*+ OPTIONS(...) */ with an option the sink's connector does not know
CREATE TEMPORARY TABLE out1 (id INT, qty INT) WITH ('connector' = 'print');
INSERT INTO out1 /*+ OPTIONS('foo'='bar') */ SELECT 1, 2;
