-- doubled quotes in literals and unicode escapes
CREATE TEMPORARY TABLE out1 (a STRING, b STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 'it''s', U&'\0041\00e9';
