-- a FULL JOIN whose left side is the bigger: the left's order, then the right's unmatched rows
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
CREATE TABLE dept (dname STRING, region STRING) WITH ('connector'='filesystem','path'='order_dept.csv','format'='csv');
SELECT id, dept, dname, region FROM emp FULL JOIN dept ON emp.dept = dept.dname;
