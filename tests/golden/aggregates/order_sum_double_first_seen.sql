-- SUM of a DOUBLE: hash aggregate, first-seen order
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT dept, SUM(CAST(sal AS DOUBLE)) FROM emp GROUP BY dept;
