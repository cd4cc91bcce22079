-- two sides of equal size: Flink builds on the left and probes with the right
CREATE TABLE customers (id INT, name STRING, city STRING) WITH ('connector'='filesystem','path'='order_cust.csv','format'='csv');
CREATE TABLE orders (oid INT, cid INT, amount DOUBLE) WITH ('connector'='filesystem','path'='order_ord.csv','format'='csv');
CREATE TABLE c2 (id INT, name STRING, city STRING) WITH ('connector'='filesystem','path'='order_cust2.csv','format'='csv');
SELECT a.name, b.city FROM (SELECT * FROM customers ORDER BY id DESC LIMIT 3) a FULL JOIN c2 b ON a.id = b.id;
