-- TYPEOF where strings of several lengths meet (VALUES, CASE, IF, COALESCE, UNION ALL): CHAR(n) beside CHAR(n) stays CHAR(n), otherwise VARCHAR(longest), STRING beside STRING; a branch's NOT NULL is kept (no case here filters a VALUES view down to a constant: Flink's planner then narrows nullability by the rows left)
CREATE TEMPORARY VIEW t(k, s) AS VALUES (1, 'ab'), (2, 'c');
CREATE TEMPORARY VIEW u(k, s) AS VALUES (1, 'a'), (2, 'b');
CREATE TEMPORARY VIEW x(k, s) AS VALUES (1, 'ab'), (2, CAST('x' AS VARCHAR(5)));
CREATE TEMPORARY VIEW y(k, s) AS VALUES (1, 'abc');
CREATE TEMPORARY VIEW z(k, s) AS VALUES (1, CAST('ab' AS CHAR(4))), (2, 'abcdef');
CREATE TEMPORARY VIEW n(k, s) AS VALUES (1, CAST(NULL AS VARCHAR(3))), (2, 'abcd');
CREATE TEMPORARY TABLE o1 (a STRING, b STRING, c STRING, d STRING, e STRING) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE o2 (k INT, a STRING, b STRING, c STRING, d STRING, e STRING, f STRING, g STRING) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE o3 (a STRING, b STRING) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE o4 (a STRING, b STRING) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE o5 (k INT, a STRING, b STRING, c STRING, d STRING) WITH ('connector' = 'print');
EXECUTE STATEMENT SET BEGIN
INSERT INTO o1 SELECT (SELECT TYPEOF(s) FROM t WHERE k = 1), (SELECT TYPEOF(s) FROM u WHERE k = 1), (SELECT TYPEOF(s) FROM x WHERE k = 1), (SELECT TYPEOF(s) FROM y WHERE k = 1), (SELECT TYPEOF(s) FROM z WHERE k = 1);
INSERT INTO o2 SELECT k, TYPEOF(CASE WHEN k = 1 THEN 'ab' ELSE 'c' END), CASE WHEN k = 1 THEN 'ab' ELSE 'c' END || '|', TYPEOF(COALESCE(CAST(NULL AS CHAR(1)), 'abc')), TYPEOF(IF(k = 1, 'ab', 'c')), TYPEOF('ab' || 'c'), TYPEOF(CASE WHEN k = 1 THEN 'ab' ELSE 'cd' END), TYPEOF(CASE WHEN k = 1 THEN 'ab' END) FROM u;
INSERT INTO o3 SELECT TYPEOF(s), s || '|' FROM (SELECT 'ab' AS s UNION ALL SELECT 'c' AS s);
INSERT INTO o4 SELECT TYPEOF(s), s || '|' FROM z;
INSERT INTO o5 SELECT k, TYPEOF(COALESCE(s, 'x')), TYPEOF(COALESCE(s, CAST(NULL AS STRING))), TYPEOF(IFNULL(s, 'xy')), TYPEOF(GREATEST(s, 'x')) FROM n;
END;
