-- two partitions: Flink runs window groups in column order of their partition keys, whatever the SELECT order
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT id, dept, sal, ROW_NUMBER() OVER (PARTITION BY sal ORDER BY id) AS a, ROW_NUMBER() OVER (PARTITION BY dept ORDER BY id) AS b FROM emp;
