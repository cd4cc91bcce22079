-- CASE WHEN on a NULL condition takes the ELSE branch
CREATE TEMPORARY TABLE out1 (v INT, r STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(v) AS VALUES (1), (CAST(NULL AS INT));
INSERT INTO out1 SELECT v, CASE WHEN v > 0 THEN 'pos' ELSE 'other' END FROM t;
