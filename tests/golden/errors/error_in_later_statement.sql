-- the error is reported at the failing statement's line, after valid ones
CREATE TEMPORARY VIEW v(x) AS VALUES (1);
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out2 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT x FROM v;
INSERT INTO out2
  SELECT y
  FROM v;
-- golden: expect-message (Flink's message must appear in ours)
