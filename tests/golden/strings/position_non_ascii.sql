-- POSITION, LOCATE and INSTR count characters (code points), not bytes, after non-ASCII letters and emoji
CREATE TEMPORARY VIEW v(s) AS VALUES ('ünïcode thing'), ('日本語テキスト'), ('x😀yg');
CREATE TEMPORARY TABLE out1 (s STRING, p INT, p2 INT, l INT, i INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT s, POSITION('g' IN s), POSITION('テ' IN s), LOCATE('g', s), INSTR(s, 'g') FROM v;
