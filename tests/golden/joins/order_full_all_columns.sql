-- the same FULL JOIN reading every orders column: orders is the bigger side and probes
CREATE TABLE customers (id INT, name STRING, city STRING) WITH ('connector'='filesystem','path'='order_cust.csv','format'='csv');
CREATE TABLE orders (oid INT, cid INT, amount DOUBLE) WITH ('connector'='filesystem','path'='order_ord.csv','format'='csv');
CREATE TABLE c2 (id INT, name STRING, city STRING) WITH ('connector'='filesystem','path'='order_cust2.csv','format'='csv');
SELECT c.name, c.city, o.oid, o.amount FROM customers c FULL JOIN orders o ON c.id = o.cid;
