-- comparing with a bare NULL literal
CREATE TEMPORARY TABLE out1 (b BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT NULL = NULL;
