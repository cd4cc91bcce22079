-- EXECUTE STATEMENT SET with two INSERTs from one cleaned view
CREATE TEMPORARY VIEW v (k, x) AS VALUES ('a', 1), ('b', 2), ('a', 3);
CREATE TEMPORARY TABLE per_k (k STRING, s INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE total (s INT) WITH ('connector' = 'print');
EXECUTE STATEMENT SET BEGIN
INSERT INTO per_k SELECT k, SUM(x) FROM v GROUP BY k;
INSERT INTO total SELECT SUM(x) FROM v;
END;
