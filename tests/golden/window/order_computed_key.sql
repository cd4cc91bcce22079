-- a computed partition key (CHAR_LENGTH) counts after every plain column: its window's sort is the last
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT name, sal, SUM(sal) OVER (PARTITION BY CHAR_LENGTH(name) ORDER BY id) AS a, COUNT(*) OVER (PARTITION BY dept) AS b FROM emp;
