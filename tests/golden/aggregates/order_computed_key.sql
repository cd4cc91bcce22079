-- a computed grouping key with MAX of a string: sorted by the computed key
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT UPPER(dept), MAX(name) FROM emp GROUP BY UPPER(dept);
