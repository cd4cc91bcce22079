-- a scalar subquery inside CASE and an IN subquery inside a SELECT expression (flagging VIPs)
CREATE TEMPORARY VIEW orders(cust, amount) AS VALUES (1, 10), (1, 90), (2, 5), (3, 300);
CREATE TEMPORARY VIEW vip(cust) AS VALUES (3);
CREATE TABLE custs (id INT) WITH ('connector' = 'filesystem', 'path' = 'shop_cust_ids.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, is_vip BOOLEAN, above_avg STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT id, id IN (SELECT cust FROM vip),
       CASE WHEN (SELECT SUM(amount) FROM orders o WHERE o.cust = custs.id) > (SELECT AVG(amount) FROM orders) THEN 'yes' ELSE 'no' END
FROM custs ORDER BY id;
