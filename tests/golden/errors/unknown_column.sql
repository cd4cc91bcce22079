-- a misspelt column name
CREATE TEMPORARY VIEW people(id, name) AS VALUES (1, 'ann');
CREATE TEMPORARY TABLE out1 (id INT, name STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, nme FROM people;
-- golden: expect-message (Flink's message must appear in ours)
