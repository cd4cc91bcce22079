-- a VARCHAR(3) sink column receiving a longer string
CREATE TEMPORARY TABLE out1 (s VARCHAR(3)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 'abcdef';
