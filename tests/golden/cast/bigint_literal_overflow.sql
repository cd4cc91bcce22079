-- an integer literal beyond INT is BIGINT
CREATE TEMPORARY TABLE out1 (a BIGINT, b BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 3000000000, 2147483647 + 1;
