-- a window over a join: rows sorted by region, then salary descending (NULL last), ties in the join's order
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT e.id, d.region, RANK() OVER (PARTITION BY d.region ORDER BY e.sal DESC) AS r FROM emp e JOIN (VALUES ('eng','west'),('sales','east'),('hr','west')) AS d(dept, region) ON e.dept = d.dept;
