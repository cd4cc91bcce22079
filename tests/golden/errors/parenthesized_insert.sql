-- an INSERT in parentheses is no statement: only a query may stand in them
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
(INSERT INTO out1 SELECT 1);
