-- a self-join pairs rows of one view
CREATE TEMPORARY VIEW emp(id, name, manager_id) AS VALUES (1, 'boss', CAST(NULL AS INT)), (2, 'ann', 1), (3, 'ben', 2);
CREATE TEMPORARY TABLE out1 (name STRING, manager STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT e.name, m.name FROM emp e LEFT JOIN emp m ON e.manager_id = m.id ORDER BY e.id;
