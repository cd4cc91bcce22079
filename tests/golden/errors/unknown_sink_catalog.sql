-- an INSERT into a table of a catalog that does not exist, named in three parts
INSERT INTO mycat.mydb.nowhere SELECT 1;
-- golden: expect-message (Flink's message must appear in ours)
