-- DECIMAL multiplication result type and a cast that does not fit (NULL in Flink)
CREATE TEMPORARY VIEW m (p, q) AS VALUES (CAST(12345.67 AS DECIMAL(7, 2)), 3), (CAST(99999.99 AS DECIMAL(7, 2)), 100);
CREATE TEMPORARY TABLE out1 (amt DECIMAL(18, 2), small DECIMAL(7, 2), tax DECIMAL(18, 4)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT p * q, CAST(p * q AS DECIMAL(7, 2)), p * 0.0825 FROM m;
