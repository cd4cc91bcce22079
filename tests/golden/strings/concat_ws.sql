-- CONCAT_WS with a separator
CREATE TEMPORARY TABLE out1 (r STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(city, country) AS VALUES ('Paris', 'FR'), ('Rome', 'IT');
INSERT INTO out1 SELECT CONCAT_WS(', ', city, country) FROM t;
