-- COUNT(DISTINCT) beside SUM: groups in key order
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT dept, COUNT(DISTINCT sal), SUM(sal) FROM emp GROUP BY dept;
