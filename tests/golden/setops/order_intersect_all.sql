-- INTERSECT ALL: rows in the order they first appear on the left, copies together
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT dept FROM emp INTERSECT ALL SELECT dept FROM emp WHERE id > 1;
