-- JSON_ARRAYAGG collects values into a JSON array
CREATE TEMPORARY TABLE out1 (j STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(v) AS VALUES (1), (2), (3);
INSERT INTO out1 SELECT JSON_ARRAYAGG(v) FROM t;
