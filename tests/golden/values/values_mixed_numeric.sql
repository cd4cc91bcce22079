-- VALUES rows with INT and DECIMAL in one column widen to DECIMAL
CREATE TEMPORARY TABLE out1 (v DECIMAL(11, 1)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT v FROM (VALUES (1), (2.5)) AS t(v);
