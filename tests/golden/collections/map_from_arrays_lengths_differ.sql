-- MAP_FROM_ARRAYS of arrays of different lengths fails the job
CREATE TEMPORARY TABLE out1 (m MAP<STRING, INT>) WITH ('connector' = 'print');
INSERT INTO out1 SELECT MAP_FROM_ARRAYS(ARRAY['x', 'y'], ARRAY[1]);
