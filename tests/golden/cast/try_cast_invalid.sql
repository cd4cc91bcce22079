-- TRY_CAST gives NULL where CAST would fail
CREATE TEMPORARY TABLE out1 (s STRING, i INT, d DATE) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('12'), ('abc'), ('2024-02-30'), ('2024-02-29');
INSERT INTO out1 SELECT s, TRY_CAST(s AS INT), TRY_CAST(s AS DATE) FROM t;
