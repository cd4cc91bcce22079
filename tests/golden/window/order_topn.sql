-- a Top-N (ROW_NUMBER <= 2) without ORDER BY prints partition by partition, in rank order
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT * FROM (SELECT id, dept, sal, ROW_NUMBER() OVER (PARTITION BY dept ORDER BY sal DESC) AS rn FROM emp) WHERE rn <= 2;
