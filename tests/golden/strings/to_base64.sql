-- TO_BASE64 and FROM_BASE64 round trip
CREATE TEMPORARY TABLE out1 (a STRING, b STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT TO_BASE64('hello'), FROM_BASE64('aGVsbG8=');
