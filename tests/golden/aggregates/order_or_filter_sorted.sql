-- DISTINCT over a filter of ORed equalities on 9 rows: estimated tiny, sorted
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT DISTINCT dept FROM emp WHERE id = 2 OR id = 3 OR id = 4 OR id = 9;
