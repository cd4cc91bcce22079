-- INSERT of a STRING into an INT sink column
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 'x';
