-- split a comma list into rows: UNNEST over SPLIT, trimmed, empty parts dropped
CREATE TEMPORARY VIEW prefs (u, csv) AS VALUES ('a', 'red, green,,blue'), ('b', 'green'), ('c', '');
CREATE TEMPORARY TABLE out1 (u STRING, color STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT p.u, TRIM(x.c) FROM prefs p CROSS JOIN UNNEST(SPLIT(p.csv, ',')) AS x (c)
WHERE TRIM(x.c) <> '' ORDER BY p.u, 2;
