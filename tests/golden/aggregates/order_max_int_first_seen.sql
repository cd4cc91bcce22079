-- MAX of an INT: Flink's hash aggregate, groups in the order they first appear
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT dept, MAX(sal) FROM emp GROUP BY dept;
