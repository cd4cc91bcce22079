-- two windows: Flink runs the one without partition first; rows leave sorted by the other, ties in the first's order
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT id, dept, sal, RANK() OVER (PARTITION BY dept ORDER BY sal) AS r, SUM(sal) OVER (ORDER BY id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS s FROM emp;
