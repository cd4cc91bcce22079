-- ROW(...) values print as nested brackets; field access with a dot
CREATE TEMPORARY TABLE out1 (r ROW<a INT, b STRING>, b STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT ROW(1, 'x'), CAST(ROW(1, 'y') AS ROW<a INT, b STRING>).b;
