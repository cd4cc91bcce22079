-- RANK, DENSE_RANK and ROW_NUMBER side by side on tied scores, then PERCENT_RANK and NTILE [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW scores (team, player, pts) AS VALUES
  ('red', 'a', 30), ('red', 'b', 30), ('red', 'c', 20), ('red', 'd', 10), ('blue', 'e', 15), ('blue', 'f', 15);
SELECT team, player, pts,
       RANK() OVER (PARTITION BY team ORDER BY pts DESC) AS rk,
       DENSE_RANK() OVER (PARTITION BY team ORDER BY pts DESC) AS drk,
       ROW_NUMBER() OVER (PARTITION BY team ORDER BY pts DESC, player) AS rn,
       PERCENT_RANK() OVER (PARTITION BY team ORDER BY pts DESC) AS prk,
       NTILE(2) OVER (PARTITION BY team ORDER BY pts DESC, player) AS half
FROM scores ORDER BY team, rn;
