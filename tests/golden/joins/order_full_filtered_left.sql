-- a filtered left side smaller than the right: the right side probes, the left's unmatched rows last
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
CREATE TABLE dept (dname STRING, region STRING) WITH ('connector'='filesystem','path'='order_dept.csv','format'='csv');
SELECT id, dname, region FROM (SELECT * FROM emp WHERE id > 6) e FULL JOIN dept ON e.dept = dept.dname;
