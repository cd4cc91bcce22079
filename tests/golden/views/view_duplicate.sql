-- creating the same view twice is refused
CREATE TEMPORARY VIEW v AS SELECT 1 AS x;
CREATE TEMPORARY VIEW v AS SELECT 2 AS x;
