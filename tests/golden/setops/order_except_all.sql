-- EXCEPT ALL: each remaining row in the order it first appears on the left, its copies together (Flink counts, then repeats)
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT sal FROM emp EXCEPT ALL SELECT 300;
