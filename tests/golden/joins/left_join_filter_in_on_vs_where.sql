-- a filter in ON keeps left rows; the same filter in WHERE drops them
CREATE TEMPORARY VIEW a(k) AS VALUES (1), (2);
CREATE TEMPORARY VIEW b(k, flag) AS VALUES (1, TRUE), (2, FALSE);
CREATE TEMPORARY TABLE on_sink (k INT, matched BOOLEAN) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE where_sink (k INT, matched BOOLEAN) WITH ('connector' = 'print');
INSERT INTO on_sink SELECT a.k, b.k IS NOT NULL FROM a LEFT JOIN b ON a.k = b.k AND b.flag ORDER BY a.k;
INSERT INTO where_sink SELECT a.k, b.k IS NOT NULL FROM a LEFT JOIN b ON a.k = b.k WHERE b.flag ORDER BY a.k;
