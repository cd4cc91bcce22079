-- a FULL JOIN: only the columns the query reads count in a side's size (orders without amount is smaller), so customers probe
CREATE TABLE customers (id INT, name STRING, city STRING) WITH ('connector'='filesystem','path'='order_cust.csv','format'='csv');
CREATE TABLE orders (oid INT, cid INT, amount DOUBLE) WITH ('connector'='filesystem','path'='order_ord.csv','format'='csv');
SELECT c.name, c.city, o.oid FROM customers c FULL JOIN orders o ON c.id = o.cid;
