-- DATE_FORMAT of a string timestamp
CREATE TEMPORARY TABLE out1 (a STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT DATE_FORMAT('2024-07-04 09:05:03', 'MM/dd/yyyy');
