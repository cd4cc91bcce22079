-- FIRST_VALUE of an INT: a sort aggregate all the same
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT dept, FIRST_VALUE(id) FROM emp GROUP BY dept;
