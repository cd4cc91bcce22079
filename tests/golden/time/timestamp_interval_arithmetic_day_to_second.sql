-- timestamp plus and minus intervals of hours, minutes and day-to-second
CREATE TEMPORARY VIEW s (ts) AS VALUES (TIMESTAMP '2024-03-10 01:30:00');
CREATE TEMPORARY TABLE out1 (a TIMESTAMP(0), b TIMESTAMP(0), c TIMESTAMP(0), d TIMESTAMP(0)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT ts + INTERVAL '2' HOUR, ts - INTERVAL '90' MINUTE, ts + INTERVAL '1 02:03:04' DAY TO SECOND, ts - INTERVAL '1-2' YEAR TO MONTH FROM s;
