-- STDDEV_POP: Flink groups by sorting, groups in key order
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT dept, STDDEV_POP(sal) FROM emp GROUP BY dept;
