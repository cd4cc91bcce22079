-- an INSERT into a table named with the default catalog and database, keeping its case
INSERT INTO default_catalog.default_database.NoWhere SELECT 1;
-- golden: expect-message (Flink's message must appear in ours)
