-- INSERT of a date-looking STRING into a DATE sink column
CREATE TEMPORARY TABLE out1 (d DATE) WITH ('connector' = 'print');
INSERT INTO out1 SELECT '2024-01-01';
