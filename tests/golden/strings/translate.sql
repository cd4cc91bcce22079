-- TRANSLATE replaces characters one for one
CREATE TEMPORARY TABLE out1 (r STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT TRANSLATE('hello', 'el', 'ip');
