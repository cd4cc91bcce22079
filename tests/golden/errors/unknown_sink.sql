-- an INSERT into a table that does not exist
INSERT INTO nowhere SELECT 1;
-- golden: expect-message (Flink's message must appear in ours)
