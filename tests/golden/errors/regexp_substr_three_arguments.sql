-- REGEXP_SUBSTR takes no third argument (Flink refuses the signature)
CREATE TEMPORARY TABLE out1 (d STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT REGEXP_SUBSTR('a1b2', '\d', 2);
