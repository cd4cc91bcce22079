-- a DATE, TIMESTAMP or TIME compared with a string (literal or column): the string is cast to the other's type
CREATE TABLE ev (id INT, d DATE, ts TIMESTAMP(0), t TIME(0)) WITH ('connector' = 'filesystem', 'path' = 'string_compare_events.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, a BOOLEAN, b BOOLEAN, c BOOLEAN, e BOOLEAN, f BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, d < '2024-02-01', ts >= '2024-02-10', t > '12:00:00', d IN ('2024-01-02', '2024-03-01'), '2024-01-15' BETWEEN d AND DATE '2024-12-31' FROM ev ORDER BY id;
