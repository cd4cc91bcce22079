-- an inner join without ORDER BY: Flink builds its hash table on the side of fewer bytes (customers) and probes with orders, so rows come in the orders' order
CREATE TABLE customers (id INT, name STRING, city STRING) WITH ('connector'='filesystem','path'='order_cust.csv','format'='csv');
CREATE TABLE orders (oid INT, cid INT, amount DOUBLE) WITH ('connector'='filesystem','path'='order_ord.csv','format'='csv');
SELECT c.name, o.oid, o.amount FROM customers c JOIN orders o ON c.id = o.cid;
