-- three-valued logic with NULL booleans in WHERE: IS NOT TRUE, IS UNKNOWN, NOT, OR with NULL
CREATE TEMPORARY VIEW v(id, flag) AS VALUES (1, TRUE), (2, FALSE), (3, CAST(NULL AS BOOLEAN));
CREATE TEMPORARY TABLE out1 (id INT, not_true BOOLEAN, unknown BOOLEAN, neg BOOLEAN, either BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, flag IS NOT TRUE, flag IS UNKNOWN, NOT flag, flag OR id = 3 FROM v ORDER BY id;
