-- RANK, DENSE_RANK and ROW_NUMBER with ties and DESC ordering, PERCENT_RANK as DOUBLE
CREATE TEMPORARY VIEW scores(team, player, pts) AS VALUES
  ('red', 'a', 10), ('red', 'b', 20), ('red', 'c', 20), ('red', 'd', 5),
  ('blue', 'e', 7), ('blue', 'f', 7);
CREATE TEMPORARY TABLE out1 (team STRING, player STRING, pts INT, r BIGINT, dr BIGINT, rn BIGINT, pr DOUBLE) WITH ('connector' = 'print');
INSERT INTO out1
SELECT team, player, pts,
       RANK() OVER (PARTITION BY team ORDER BY pts DESC),
       DENSE_RANK() OVER (PARTITION BY team ORDER BY pts DESC),
       ROW_NUMBER() OVER (PARTITION BY team ORDER BY pts DESC, player),
       PERCENT_RANK() OVER (PARTITION BY team ORDER BY pts DESC)
FROM scores ORDER BY team, player;
