-- user mistake: CAST of a non-numeric string to INT in a sink query (TRY_CAST would give NULL) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW s (v) AS VALUES ('12'), ('n/a');
CREATE TEMPORARY TABLE out1 (n INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT CAST(v AS INT) FROM s;
