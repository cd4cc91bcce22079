-- a MAP whose values are arrays
CREATE TEMPORARY TABLE out1 (m MAP<STRING, ARRAY<INT>>) WITH ('connector' = 'print');
INSERT INTO out1 SELECT MAP['k', ARRAY[1, 2]];
