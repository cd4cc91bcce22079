-- one partition, two orders: groups ordered by the order key's column; the last sorts the output, ties in the first's order
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT id, dept, sal, ROW_NUMBER() OVER (PARTITION BY dept ORDER BY sal DESC) AS a, ROW_NUMBER() OVER (PARTITION BY dept ORDER BY id DESC) AS b FROM emp;
