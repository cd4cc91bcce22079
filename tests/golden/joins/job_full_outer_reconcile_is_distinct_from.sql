-- FULL OUTER JOIN reconciliation of two VALUES ledgers, IS DISTINCT FROM, COALESCE keys
CREATE TEMPORARY VIEW ledger_a(k, v) AS VALUES ('x', 10), ('y', 20), ('z', CAST(NULL AS INT));
CREATE TEMPORARY VIEW ledger_b(k, v) AS VALUES ('y', 20), ('z', 5), ('w', 1);
CREATE TEMPORARY TABLE out1 (k STRING, a INT, b INT, status STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT COALESCE(a.k, b.k), a.v, b.v,
       CASE WHEN a.k IS NULL THEN 'only_b' WHEN b.k IS NULL THEN 'only_a'
            WHEN a.v IS DISTINCT FROM b.v THEN 'diff' ELSE 'same' END
FROM ledger_a a FULL OUTER JOIN ledger_b b ON a.k = b.k
ORDER BY 1;
