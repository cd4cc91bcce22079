-- RAND(seed) is deterministic per seed; only its range is checked here
CREATE TEMPORARY TABLE out1 (in_range BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT RAND(42) >= 0 AND RAND(42) < 1;
