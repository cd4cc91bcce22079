-- a json table's row count is unknown to Flink (as many): it is the probe side
CREATE TABLE cj (id INT, name STRING) WITH ('connector'='filesystem','path'='order_cust.json','format'='json');
CREATE TABLE orders (oid INT, cid INT, amount DOUBLE) WITH ('connector'='filesystem','path'='order_ord.csv','format'='csv');
SELECT c.name, o.oid FROM cj c JOIN orders o ON c.id = o.cid;
