-- an INSERT into a table that does not exist
INSERT INTO nowhere SELECT 1;
