-- array[i] is 1-based
CREATE TEMPORARY TABLE out1 (a INT, b STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT ARRAY[10, 20, 30][2], ARRAY['x', 'y'][1];
