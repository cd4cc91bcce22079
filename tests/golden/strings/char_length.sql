-- CHAR_LENGTH and CHARACTER_LENGTH count characters, not bytes
CREATE TEMPORARY TABLE out1 (a INT, b INT, c INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT CHAR_LENGTH('héllo'), CHARACTER_LENGTH('好東西'), CHAR_LENGTH('');
