-- a join on a range condition
CREATE TEMPORARY VIEW orders(id, amount) AS VALUES (1, 5), (2, 50), (3, 500);
CREATE TEMPORARY VIEW tiers(tier, lo, hi) AS VALUES ('small', 0, 10), ('medium', 10, 100), ('large', 100, 1000);
CREATE TEMPORARY TABLE out1 (id INT, tier STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT o.id, t.tier FROM orders o JOIN tiers t ON o.amount >= t.lo AND o.amount < t.hi ORDER BY o.id;
