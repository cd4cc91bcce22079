-- adding an INT to a DATE without INTERVAL (a habit from other databases)
CREATE TEMPORARY VIEW v(d) AS VALUES (DATE '2024-01-31');
CREATE TEMPORARY TABLE out1 (d DATE) WITH ('connector' = 'print');
INSERT INTO out1 SELECT d + 1 FROM v;
