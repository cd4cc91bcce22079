-- MIN of a string: Flink sorts to group (a sort aggregate), so the groups come out in key order, NULL first
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT dept, MIN(name) FROM emp GROUP BY dept;
