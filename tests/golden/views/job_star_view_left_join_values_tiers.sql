-- a view with SELECT *, then a query selecting a computed column and a column from a join with a VALUES table
CREATE TABLE customers (id INT, name STRING, country STRING, signup DATE, tier STRING)
  WITH ('connector' = 'filesystem', 'path' = 'shop_customers.csv', 'format' = 'csv');
CREATE TEMPORARY VIEW tiers(tier, discount) AS VALUES ('gold', 0.2), ('silver', 0.1), ('bronze', 0.05);
CREATE TEMPORARY VIEW cust AS SELECT * FROM customers;
CREATE TEMPORARY TABLE out1 (id INT, tier STRING, discount DECIMAL(3, 2), pct STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT c.id, c.tier, t.discount, CONCAT(CAST(CAST(t.discount * 100 AS INT) AS STRING), '%')
FROM cust c LEFT JOIN tiers t ON c.tier = t.tier ORDER BY c.id;
