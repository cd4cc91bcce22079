-- deduplication: keep the first row per key (Flink's dedup pattern)
CREATE TEMPORARY TABLE out1 (id INT, payload STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(id, payload, seq) AS VALUES (1, 'first', 1), (1, 'second', 2), (2, 'only', 1);
INSERT INTO out1 SELECT id, payload FROM (
  SELECT id, payload, ROW_NUMBER() OVER (PARTITION BY id ORDER BY seq ASC) AS rn
  FROM t
) WHERE rn = 1 ORDER BY id;
