-- ROW values built and read back, nested in an ARRAY
CREATE TEMPORARY VIEW v (id, name) AS VALUES (1, 'a'), (2, 'b');
CREATE TEMPORARY TABLE out1 (id INT, r ROW<i INT, s STRING>, arr ARRAY<INT>) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, ROW(id * 10, UPPER(name)), ARRAY[id, id + 1, CAST(NULL AS INT)] FROM v ORDER BY id;
