-- BIN and HEX of integers
CREATE TEMPORARY TABLE out1 (a STRING, b STRING, c STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT BIN(10), HEX(255), HEX('abc');
