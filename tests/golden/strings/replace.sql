-- REPLACE every occurrence, and with an empty replacement
CREATE TEMPORARY TABLE out1 (a STRING, b STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT REPLACE('a-b-c', '-', '+'), REPLACE('banana', 'an', '');
