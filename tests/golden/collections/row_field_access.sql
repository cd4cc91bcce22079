-- fields of ROW values: by the CAST's names, and EXPR$0 of an unnamed ROW
CREATE TEMPORARY TABLE out1 (a STRING, b INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT CAST(ROW(1, 'y') AS ROW<a INT, b STRING>).b, ROW(3, 'q').EXPR$0;
