-- two INSERTs into the same print sink
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1;
INSERT INTO out1 SELECT 2;
