-- common casts in a cleaning job: INT to STRING, DOUBLE to INT, STRING to BOOLEAN, DATE to STRING, DECIMAL to INT (column not named dec, a reserved word)
CREATE TEMPORARY VIEW v (i, d, s, dt, dc) AS VALUES (42, 3.99, 'TRUE', DATE '2024-03-05', CAST(-7.5 AS DECIMAL(5, 1)));
CREATE TEMPORARY TABLE out1 (a STRING, b INT, c BOOLEAN, e STRING, f INT, g BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT CAST(i AS STRING), CAST(CAST(d AS DOUBLE) AS INT), CAST(s AS BOOLEAN), CAST(dt AS STRING), CAST(dc AS INT), CAST(d AS BIGINT) FROM v;
