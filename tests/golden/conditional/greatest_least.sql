-- GREATEST and LEAST of several values
CREATE TEMPORARY TABLE out1 (g INT, l INT, gs STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT GREATEST(3, 7, 5), LEAST(3, 7, 5), GREATEST('apple', 'pear', 'fig');
