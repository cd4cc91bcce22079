-- date arithmetic: add days and months, month ends, difference in days/months
CREATE TEMPORARY VIEW d (x) AS VALUES (DATE '2024-01-31'), (DATE '2024-02-29'), (DATE '2023-12-31');
CREATE TEMPORARY TABLE out1 (x DATE, plus_month DATE, plus_30d DATE, months_to_2025 INT, days_to_2025 INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT x, x + INTERVAL '1' MONTH, TIMESTAMPADD(DAY, 30, x), TIMESTAMPDIFF(MONTH, x, DATE '2025-01-01'), TIMESTAMPDIFF(DAY, x, DATE '2025-01-01')
FROM d;
