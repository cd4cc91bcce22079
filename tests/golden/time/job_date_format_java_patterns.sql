-- DATE_FORMAT with several Java patterns on TIMESTAMP values, including day names and 12-hour clock
CREATE TEMPORARY VIEW v(ts) AS VALUES (TIMESTAMP '2024-07-04 15:07:09');
CREATE TEMPORARY TABLE out1 (a STRING, b STRING, c STRING, d STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT DATE_FORMAT(ts, 'yyyyMMdd'), DATE_FORMAT(ts, 'EEE, d MMM yyyy'), DATE_FORMAT(ts, 'hh:mm a'), DATE_FORMAT(ts, 'yyyy-MM-dd''T''HH:mm:ss') FROM v;
