-- LEAD with a DECIMAL default under PARTITION BY (Polars' fill_value read 99.9 as 9.9)
CREATE TEMPORARY VIEW b (k, d, v) AS VALUES ('x', 1, 2.0), ('x', 2, 3.0), ('x', 3, 5.5), ('y', 1, 12.0);
CREATE TEMPORARY TABLE out1 (k STRING, d INT, lead1 DECIMAL(3, 1), lead0 DECIMAL(3, 1)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT k, d, LEAD(v, 1, 99.9) OVER (PARTITION BY k ORDER BY d), LEAD(v, 1) OVER (PARTITION BY k ORDER BY d) FROM b;
