-- an INSERT into a permanent view
CREATE VIEW v AS SELECT 1 AS a;
INSERT INTO v SELECT 2;
-- golden: expect-message (Flink's message must appear in ours)
