-- TO_DATE with the default and a custom format
CREATE TEMPORARY TABLE out1 (a DATE, b DATE) WITH ('connector' = 'print');
INSERT INTO out1 SELECT TO_DATE('2024-02-29'), TO_DATE('20240301', 'yyyyMMdd');
