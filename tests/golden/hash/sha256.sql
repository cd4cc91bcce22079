-- SHA256 of a string
CREATE TEMPORARY TABLE out1 (h STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT SHA256('hello');
