-- APPROX_COUNT_DISTINCT: on a group's few distinct values Flink's estimate is the exact count; its accumulator is binary, so Flink groups by sorting (key order)
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT dept, APPROX_COUNT_DISTINCT(sal) AS n, APPROX_COUNT_DISTINCT(name) AS m FROM emp GROUP BY dept;
