-- UNION ALL of three inputs ordered as a whole
CREATE TEMPORARY TABLE out1 (src STRING, x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT src, x FROM (
  SELECT 'a' AS src, 3 AS x UNION ALL SELECT 'b', 1 UNION ALL SELECT 'c', 2
) ORDER BY x DESC;
