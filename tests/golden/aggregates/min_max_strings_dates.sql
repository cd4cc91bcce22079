-- MIN and MAX over strings and dates
CREATE TEMPORARY TABLE out1 (mn STRING, mx STRING, first_ DATE, last_ DATE) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s, d) AS VALUES ('pear', DATE '2024-03-01'), ('apple', DATE '2024-01-01'), ('zucchini', DATE '2023-12-31');
INSERT INTO out1 SELECT MIN(s), MAX(s), MIN(d), MAX(d)
FROM t;
