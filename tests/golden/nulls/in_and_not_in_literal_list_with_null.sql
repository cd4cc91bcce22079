-- NOT IN with a NULL in the literal list yields no rows; IN list with NULL still matches
CREATE TEMPORARY VIEW v (x) AS VALUES (1), (2), (3);
CREATE TEMPORARY TABLE a (x INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE b (x INT) WITH ('connector' = 'print');
INSERT INTO a SELECT x FROM v WHERE x NOT IN (1, CAST(NULL AS INT));
INSERT INTO b SELECT x FROM v WHERE x IN (1, CAST(NULL AS INT));
