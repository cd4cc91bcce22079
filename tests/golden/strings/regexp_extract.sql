-- REGEXP_EXTRACT with a group index, default group, and no match
CREATE TEMPORARY TABLE out1 (a STRING, b STRING, c STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT REGEXP_EXTRACT('order-123-x', 'order-(\d+)-(\w)', 1), REGEXP_EXTRACT('order-123-x', 'order-(\d+)-(\w)', 2), REGEXP_EXTRACT('nothing', '(\d+)', 1);
