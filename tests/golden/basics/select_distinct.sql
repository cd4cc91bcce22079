-- SELECT DISTINCT removes duplicate rows
CREATE TEMPORARY TABLE out1 (city STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(city) AS VALUES ('Rome'), ('Oslo'), ('Rome'), ('Oslo'), ('Lima');
INSERT INTO out1
SELECT DISTINCT city FROM t
ORDER BY city;
