-- FIRST_VALUE of a string: groups in key order
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT dept, FIRST_VALUE(name) FROM emp GROUP BY dept;
