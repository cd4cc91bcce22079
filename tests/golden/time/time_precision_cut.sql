-- CAST(ts AS TIME) is TIME(0); a TIME(3) or TIMESTAMP(3) value written into a column of fewer fraction digits is cut to them
CREATE TEMPORARY VIEW v(ts, t) AS VALUES (CAST('2024-01-06 11:00:00.567' AS TIMESTAMP(3)), CAST('10:20:30.456' AS TIME(3)));
CREATE TEMPORARY TABLE out1 (a TIME(3), b TIME(3), c TIME(0), d TIMESTAMP(0), e TIMESTAMP(1), f TIME(1)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT CAST(ts AS TIME), CAST(ts AS TIME(3)), t, ts, ts, t FROM v;
