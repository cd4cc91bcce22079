-- a field the ROW does not have is refused
-- golden: expect-message
CREATE TEMPORARY TABLE out1 (x STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT CAST(ROW(1, 'y') AS ROW<a INT, b STRING>).c;
