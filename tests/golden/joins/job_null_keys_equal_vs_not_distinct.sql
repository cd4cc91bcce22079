-- joining VALUES tables on nullable keys: NULL keys never match, IS NOT DISTINCT FROM does
CREATE TEMPORARY VIEW a(k, x) AS VALUES (1, 'a1'), (CAST(NULL AS INT), 'a-null');
CREATE TEMPORARY VIEW b(k, y) AS VALUES (1, 'b1'), (CAST(NULL AS INT), 'b-null');
CREATE TEMPORARY TABLE eq (x STRING, y STRING) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE nd (x STRING, y STRING) WITH ('connector' = 'print');
INSERT INTO eq SELECT x, y FROM a JOIN b ON a.k = b.k ORDER BY x;
INSERT INTO nd SELECT x, y FROM a JOIN b ON a.k IS NOT DISTINCT FROM b.k ORDER BY x;
