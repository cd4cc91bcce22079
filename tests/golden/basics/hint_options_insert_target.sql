-- INSERT INTO t /*+ OPTIONS(...) */: the sink's options, before a column list
CREATE TEMPORARY TABLE out1 (id INT, qty INT) WITH ('connector' = 'print');
INSERT INTO out1 /*+ OPTIONS('sink.parallelism'='1') */ (qty, id) SELECT 2, 1;
