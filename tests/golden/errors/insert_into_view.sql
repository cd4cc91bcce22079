-- an INSERT into a view
CREATE TEMPORARY VIEW v AS SELECT 1 AS x;
INSERT INTO v SELECT 2;
-- golden: expect-message (Flink's message must appear in ours)
