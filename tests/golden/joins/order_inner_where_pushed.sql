-- a WHERE on one side is applied below the join: the filtered orders are the smaller side, so rows come in the customers' order
CREATE TABLE customers (id INT, name STRING, city STRING) WITH ('connector'='filesystem','path'='order_cust.csv','format'='csv');
CREATE TABLE orders (oid INT, cid INT, amount DOUBLE) WITH ('connector'='filesystem','path'='order_ord.csv','format'='csv');
SELECT c.name, c.city, o.oid FROM customers c JOIN orders o ON c.id = o.cid WHERE o.amount > 3;
