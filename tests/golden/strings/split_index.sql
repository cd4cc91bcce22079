-- SPLIT_INDEX is 0-based and gives NULL past the end
CREATE TEMPORARY TABLE out1 (a STRING, b STRING, c STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT SPLIT_INDEX('a,b,c', ',', 0), SPLIT_INDEX('a,b,c', ',', 2), SPLIT_INDEX('a,b,c', ',', 3);
