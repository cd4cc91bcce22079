-- MIN of a DECIMAL(30, 2): hash aggregate, first-seen order
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT dept, MIN(CAST(sal AS DECIMAL(30, 2))) FROM emp GROUP BY dept;
