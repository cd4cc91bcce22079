-- ARRAY_CONTAINS of a value that does not fit the elements is refused
-- golden: expect-message
CREATE TEMPORARY TABLE out1 (x BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT ARRAY_CONTAINS(ARRAY[1, 2], 'a');
