-- a FROM naming a table that does not exist
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id FROM nowhere;
-- golden: expect-message (Flink's message must appear in ours)
