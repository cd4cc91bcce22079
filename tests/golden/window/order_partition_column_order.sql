-- PARTITION BY sal, dept: rows sorted by the partition keys in the table's column order (dept, then sal)
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT id, dept, sal, COUNT(*) OVER (PARTITION BY sal, dept) AS c FROM emp;
