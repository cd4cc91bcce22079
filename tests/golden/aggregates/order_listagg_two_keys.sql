-- LISTAGG grouped by two keys: sorted by the keys in GROUP BY order (sal, then dept), each group's values in input order
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT sal, dept, LISTAGG(name) FROM emp GROUP BY sal, dept;
