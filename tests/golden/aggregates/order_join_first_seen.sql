-- GROUP BY over a join: Flink's estimate of a join is not small, a hash aggregate
CREATE TABLE t (id INT, k STRING, v INT) WITH ('connector'='filesystem','path'='order_t5.csv','format'='csv');
CREATE TABLE j (id INT, k STRING) WITH ('connector'='filesystem','path'='order_j4.json','format'='json');
SELECT t.k, COUNT(*) FROM t JOIN j ON t.id = j.id GROUP BY t.k;
