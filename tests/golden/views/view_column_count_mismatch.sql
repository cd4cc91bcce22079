-- a view column list longer than its query is refused
CREATE TEMPORARY VIEW v (a, b, c) AS SELECT 1, 2;
