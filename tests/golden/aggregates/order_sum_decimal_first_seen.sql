-- SUM of a DECIMAL: a hash aggregate still (a DECIMAL fits its buffer), groups in first-seen order
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT dept, SUM(CAST(sal AS DECIMAL(10, 2))) FROM emp GROUP BY dept;
