-- MAX of a string, GROUP BY sal, dept, selected as dept, sal: sorted by sal then dept (GROUP BY order)
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT dept, sal, MAX(name) FROM emp GROUP BY sal, dept;
