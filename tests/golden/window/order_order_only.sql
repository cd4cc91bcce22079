-- a window with ORDER BY and no partition: rows in window order, ties in input order
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT id, dept, sal, SUM(sal) OVER (ORDER BY sal) AS s FROM emp;
