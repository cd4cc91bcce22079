-- a RIGHT JOIN without ORDER BY: Flink builds on the left and probes with the right, so rows come in the right side's order, each with its matches in the left's order
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
CREATE TABLE dept (dname STRING, region STRING) WITH ('connector'='filesystem','path'='order_dept.csv','format'='csv');
SELECT id, dept, dname, region FROM emp RIGHT JOIN dept ON emp.dept = dept.dname;
