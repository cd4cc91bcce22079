-- CONCAT_WS skips NULL arguments
CREATE TEMPORARY TABLE out1 (r STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT CONCAT_WS('-', 'a', CAST(NULL AS STRING), 'c');
