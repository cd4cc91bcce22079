-- WHERE and HAVING around a sort aggregate: the kept groups in key order
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT dept, MAX(name) FROM emp WHERE sal > 150 GROUP BY dept HAVING COUNT(*) > 1;
