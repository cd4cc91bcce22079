-- PERCENT_RANK and CUME_DIST divided as Java divides (5 / 14 is 0.35714285714285715), with and without partitions
SELECT k, v, PERCENT_RANK() OVER (PARTITION BY k ORDER BY v) AS p, CUME_DIST() OVER (PARTITION BY k ORDER BY v) AS c FROM (VALUES ('a',1),('a',2),('a',3),('b',5),('a',7),('a',8),('a',9),('a',10),('a',11),('a',12),('a',13),('a',14),('a',15),('a',16),('a',17)) AS t(k, v) ORDER BY k, v;
SELECT v, PERCENT_RANK() OVER (ORDER BY v) AS p, CUME_DIST() OVER (ORDER BY v) AS c FROM (VALUES (1),(2),(3),(4),(5),(6),(7),(8),(9),(10),(11),(12),(13),(14),(15)) AS t(v) ORDER BY v;
