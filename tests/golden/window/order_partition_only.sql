-- a whole-partition aggregate without ORDER BY: rows sorted by the partition key, each partition in input order
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT id, dept, sal, SUM(sal) OVER (PARTITION BY dept) AS s FROM emp;
