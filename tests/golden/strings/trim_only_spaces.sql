-- TRIM removes spaces only, not tabs or newlines
CREATE TEMPORARY TABLE out1 (n INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES (CONCAT(CHR(9), ' a ', CHR(10)));
INSERT INTO out1 SELECT CHAR_LENGTH(TRIM(s)) FROM t;
