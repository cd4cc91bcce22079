-- GROUP BY an ARRAY: orderable in Flink, grouped
CREATE TEMPORARY VIEW v(k, s) AS VALUES (ARRAY[1, 2], 'x'), (ARRAY[3], 'y'), (ARRAY[1, 2], 'z');
SELECT k, COUNT(*) FROM v GROUP BY k;
