-- LEFT JOIN keeps unmatched left rows with NULLs
CREATE TEMPORARY VIEW emp(id, name, dept_id) AS VALUES (1, 'ann', 10), (2, 'ben', 20), (3, 'cat', 30);
CREATE TEMPORARY VIEW dept(dept_id, dept_name) AS VALUES (10, 'eng'), (20, 'ops'), (40, 'hr');
CREATE TEMPORARY TABLE out1 (name STRING, dept_name STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT e.name, d.dept_name FROM emp e LEFT JOIN dept d ON e.dept_id = d.dept_id ORDER BY e.name;
