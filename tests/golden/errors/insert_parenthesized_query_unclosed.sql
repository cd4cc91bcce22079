-- INSERT INTO t (SELECT ...; with the parenthesis never closed
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 (SELECT 1;
