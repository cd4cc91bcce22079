-- CONVERT_TZ of 'yyyy-MM-dd HH:mm:ss' text between zones; NULL for other text
CREATE TEMPORARY VIEW v (s) AS VALUES ('1970-01-01 00:00:00'), ('2024-03-10 10:30:00'), ('2024-03-10 10:30'), ('bad'), (CAST(NULL AS STRING)), ('2024-03-10 10:30:00.123');
CREATE TEMPORARY TABLE out1 (s STRING, a STRING, b STRING, c STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT s, CONVERT_TZ(s, 'UTC', 'America/Los_Angeles'), CONVERT_TZ(s, 'Asia/Shanghai', 'UTC'), CONVERT_TZ(s, 'GMT+08:00', 'UTC') FROM v;
