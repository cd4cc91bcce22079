-- rows of an OVER window without ORDER BY come out sorted by partition key (NULL first), then order key; ties in input order
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT id, dept, sal, ROW_NUMBER() OVER (PARTITION BY dept ORDER BY sal DESC) AS rn FROM emp;
