-- two partitions, listed the other way round: the same window group order as groups_by_column
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT id, dept, sal, ROW_NUMBER() OVER (PARTITION BY dept ORDER BY id) AS a, ROW_NUMBER() OVER (PARTITION BY sal ORDER BY id) AS b FROM emp;
