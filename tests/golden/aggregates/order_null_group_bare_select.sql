-- a bare SELECT grouping a nullable column: the NULL group is printed (the key keeps its nullable type)
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT dept, COUNT(*), SUM(sal) FROM emp GROUP BY dept;
