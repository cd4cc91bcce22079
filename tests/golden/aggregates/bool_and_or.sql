-- aggregates over booleans via CASE: counting true values
CREATE TEMPORARY TABLE out1 (n_true INT, n_all BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(ok) AS VALUES (TRUE), (FALSE), (TRUE);
INSERT INTO out1 SELECT SUM(CASE WHEN ok THEN 1 ELSE 0 END), COUNT(*) FROM t;
