-- DATE_FORMAT of a timestamp with several patterns
CREATE TEMPORARY TABLE out1 (a STRING, b STRING, c STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(ts) AS VALUES (TIMESTAMP '2024-07-04 09:05:03');
INSERT INTO out1 SELECT DATE_FORMAT(ts, 'yyyy-MM-dd'), DATE_FORMAT(ts, 'HH:mm:ss'), DATE_FORMAT(ts, 'yyyyMMdd HH')
FROM t;
