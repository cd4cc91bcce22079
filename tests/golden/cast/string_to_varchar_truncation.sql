-- CAST to VARCHAR(3) and CHAR(5): truncation and padding
CREATE TEMPORARY TABLE out1 (a STRING, b STRING, c INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('abcdef'), ('ab');
INSERT INTO out1 SELECT CAST(s AS VARCHAR(3)), CAST(s AS CHAR(5)) || '|', CHAR_LENGTH(CAST(s AS CHAR(5))) FROM t;
