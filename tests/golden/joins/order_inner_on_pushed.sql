-- a one-sided ON condition is applied below the join, as a WHERE is
CREATE TABLE customers (id INT, name STRING, city STRING) WITH ('connector'='filesystem','path'='order_cust.csv','format'='csv');
CREATE TABLE orders (oid INT, cid INT, amount DOUBLE) WITH ('connector'='filesystem','path'='order_ord.csv','format'='csv');
SELECT c.name, o.oid FROM customers c JOIN orders o ON c.id = o.cid AND o.amount > 2;
