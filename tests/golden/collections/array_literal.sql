-- ARRAY[...] values print as [a, b]
CREATE TEMPORARY TABLE out1 (a ARRAY<INT>, b ARRAY<STRING>) WITH ('connector' = 'print');
INSERT INTO out1 SELECT ARRAY[1, 2, 3], ARRAY['x', 'y'];
