-- 'sink.parallelism' = '2' adds the subtask number
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print', 'sink.parallelism' = '2');
INSERT INTO out1 SELECT 1;
