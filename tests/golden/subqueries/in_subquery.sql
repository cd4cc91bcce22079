-- IN (SELECT ...) filters by another view
CREATE TEMPORARY VIEW emp(name, dept_id) AS VALUES ('ann', 10), ('ben', 20), ('cat', 30);
CREATE TEMPORARY VIEW active(dept_id) AS VALUES (10), (30);
CREATE TEMPORARY TABLE out1 (name STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT name FROM emp WHERE dept_id IN (SELECT dept_id FROM active) ORDER BY name;
