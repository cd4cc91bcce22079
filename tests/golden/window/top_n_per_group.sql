-- top-1 per group with ROW_NUMBER in a subquery (Flink's Top-N pattern)
CREATE TEMPORARY TABLE out1 (k STRING, v INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, v) AS VALUES ('a', 1), ('a', 3), ('b', 2), ('b', 5);
INSERT INTO out1 SELECT k, v FROM (
  SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn
  FROM t
) WHERE rn = 1 ORDER BY k;
