-- an empty ARRAY[] literal
CREATE TEMPORARY TABLE out1 (a ARRAY<STRING>) WITH ('connector' = 'print');
INSERT INTO out1 SELECT CAST(ARRAY[] AS ARRAY<STRING>);
