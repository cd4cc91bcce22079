-- UNION ALL of two ordered, limited branches in parentheses (top and bottom 1)
CREATE TEMPORARY VIEW v(k, x) AS VALUES ('a', 3), ('b', 1), ('c', 2);
CREATE TEMPORARY TABLE out1 (k STRING, x INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT * FROM (
  (SELECT k, x FROM v ORDER BY x DESC LIMIT 1)
  UNION ALL
  (SELECT k, x FROM v ORDER BY x ASC LIMIT 1)
) ORDER BY x;
