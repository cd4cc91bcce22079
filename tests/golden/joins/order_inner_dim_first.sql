-- dept JOIN emp: dept is smaller, emp probes: rows in emp's order
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
CREATE TABLE dept (dname STRING, region STRING) WITH ('connector'='filesystem','path'='order_dept.csv','format'='csv');
SELECT id, dname, region FROM dept JOIN emp ON emp.dept = dept.dname;
