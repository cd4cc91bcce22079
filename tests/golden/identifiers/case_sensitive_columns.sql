-- column names are case-sensitive: Name is not name
CREATE TEMPORARY VIEW v(name) AS VALUES ('ann');
CREATE TEMPORARY TABLE out1 (n STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT Name FROM v;
-- golden: expect-message (Flink's message must appear in ours)
