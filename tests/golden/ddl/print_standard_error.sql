-- print to standard error is still a print sink
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print', 'standard-error' = 'true');
INSERT INTO out1 SELECT 1;
