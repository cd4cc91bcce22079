-- NOT IN (SELECT ...) when the subquery yields a NULL: no row qualifies
CREATE TEMPORARY VIEW emp(name, dept_id) AS VALUES ('ann', 10), ('ben', 20);
CREATE TEMPORARY VIEW active(dept_id) AS VALUES (10), (CAST(NULL AS INT));
CREATE TEMPORARY TABLE out1 (name STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT name FROM emp WHERE dept_id NOT IN (SELECT dept_id FROM active);
