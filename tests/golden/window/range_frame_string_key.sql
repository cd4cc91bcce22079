-- a numeric RANGE offset over a STRING order key is refused
CREATE TEMPORARY TABLE out1 (s STRING, c BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('a'), ('b'), ('c');
INSERT INTO out1 SELECT s,
  COUNT(*) OVER (ORDER BY s RANGE BETWEEN 1 PRECEDING AND CURRENT ROW)
FROM t ORDER BY s;
