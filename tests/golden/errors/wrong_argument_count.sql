-- a function called with too many arguments
CREATE TEMPORARY TABLE out1 (s STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT LOWER('a', 'b');
-- golden: expect-message (Flink's message must appear in ours)
