-- IN with a subquery over an aggregated view and EXISTS with an extra non-equi predicate
CREATE TEMPORARY VIEW orders(id, cust, amount) AS VALUES (1, 10, 5), (2, 10, 50), (3, 20, 7), (4, 30, 70);
CREATE TEMPORARY VIEW custs(id, region) AS VALUES (10, 'n'), (20, 's'), (30, 'n'), (40, 's');
CREATE TEMPORARY TABLE out1 (id INT, region STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT id, region FROM custs c
WHERE id IN (SELECT cust FROM orders GROUP BY cust HAVING SUM(amount) > 10)
  AND EXISTS (SELECT 1 FROM orders o WHERE o.cust = c.id AND o.amount > 40)
ORDER BY id;
