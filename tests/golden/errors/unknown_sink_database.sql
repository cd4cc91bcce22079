-- an INSERT into a table of a database that does not exist: Flink's message names it with the default catalog
INSERT INTO mydb.nowhere SELECT 1;
-- golden: expect-message (Flink's message must appear in ours)
