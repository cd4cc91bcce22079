-- deduplication (ROW_NUMBER = 1) without ORDER BY: one row per partition, in partition key order
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT * FROM (SELECT id, dept, sal, ROW_NUMBER() OVER (PARTITION BY dept ORDER BY id) AS rn FROM emp) WHERE rn = 1;
