-- GROUPING SETS ((), (dept)): Flink's Expand emits the (dept) row of each input row before its () row; groups in first-seen order
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT dept, COUNT(*) FROM emp GROUP BY GROUPING SETS ((), (dept));
