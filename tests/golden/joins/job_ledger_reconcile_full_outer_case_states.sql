-- reconcile two ledgers with FULL OUTER JOIN: missing on either side and amount mismatches
CREATE TEMPORARY VIEW ledger_a (id, amt) AS VALUES (1, 10.00), (2, 20.00), (3, 30.00);
CREATE TEMPORARY VIEW ledger_b (id, amt) AS VALUES (2, 20.00), (3, 31.00), (4, 40.00);
CREATE TEMPORARY TABLE out1 (id INT, a DECIMAL(4, 2), b DECIMAL(4, 2), state STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT COALESCE(a.id, b.id), a.amt, b.amt,
  CASE WHEN a.id IS NULL THEN 'only_b' WHEN b.id IS NULL THEN 'only_a' WHEN a.amt <> b.amt THEN 'diff' ELSE 'same' END
FROM ledger_a a FULL OUTER JOIN ledger_b b ON a.id = b.id
ORDER BY 1;
