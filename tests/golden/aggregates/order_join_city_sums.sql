-- SUM per city over customers JOIN orders (tiny csv files): groups in key order
CREATE TABLE customers (id INT, name STRING, city STRING) WITH ('connector'='filesystem','path'='order_cust.csv','format'='csv');
CREATE TABLE orders (oid INT, cid INT, amount DOUBLE) WITH ('connector'='filesystem','path'='order_ord.csv','format'='csv');
SELECT c.city, SUM(o.amount) FROM customers c JOIN orders o ON c.id = o.cid GROUP BY c.city;
