-- a RIGHT JOIN whose left side is the smaller: still the right side's order
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
CREATE TABLE dept (dname STRING, region STRING) WITH ('connector'='filesystem','path'='order_dept.csv','format'='csv');
SELECT id, dname, region FROM dept RIGHT JOIN emp ON emp.dept = dept.dname;
