-- GROUP BY over ORDER BY ... LIMIT 4: four rows at most, a sort aggregate
CREATE TABLE t (id INT, k STRING, v INT) WITH ('connector'='filesystem','path'='order_t5.csv','format'='csv');
SELECT k, COUNT(*) FROM (SELECT * FROM t ORDER BY v LIMIT 4) GROUP BY k;
