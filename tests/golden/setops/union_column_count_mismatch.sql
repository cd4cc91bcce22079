-- UNION of inputs with different column counts is refused
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1 UNION ALL SELECT 1, 2;
-- golden: expect-message (Flink's message must appear in ours)
