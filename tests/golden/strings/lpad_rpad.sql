-- LPAD and RPAD pad and also truncate to the length
CREATE TEMPORARY TABLE out1 (a STRING, b STRING, c STRING, d STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT LPAD('7', 3, '0'), RPAD('ab', 5, 'xy'), LPAD('abcdef', 3, '*'), RPAD('abcdef', 2, '*');
