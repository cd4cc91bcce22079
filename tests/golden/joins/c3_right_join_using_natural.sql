-- RIGHT JOIN ... USING and NATURAL JOIN on a shared key column [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW emp (dept_id, emp) AS VALUES (1, 'ann'), (2, 'bob'), (1, 'cy');
CREATE TEMPORARY VIEW dept (dept_id, dname) AS VALUES (1, 'eng'), (3, 'ops');
SELECT dept_id, emp, dname FROM emp RIGHT JOIN dept USING (dept_id) ORDER BY dept_id, emp;
SELECT * FROM emp NATURAL JOIN dept ORDER BY emp;
