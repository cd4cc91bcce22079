-- an unqualified column present in both sides is ambiguous
CREATE TEMPORARY VIEW a(k, x) AS VALUES (1, 'a1');
CREATE TEMPORARY VIEW b(k, y) AS VALUES (1, 'b1');
CREATE TEMPORARY TABLE out1 (k INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT k FROM a JOIN b ON a.k = b.k;
-- golden: expect-message (Flink's message must appear in ours)
