-- an INSERT into a table the file declares below it
INSERT INTO out1 SELECT 1;
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
