-- Java's class intersection ([a-z&&[^x]], [a-z&&[def]]) in a pattern column and a literal one
CREATE TEMPORARY TABLE o (p STRING, a BOOLEAN, c STRING, d STRING, e STRING) WITH ('connector' = 'print');
INSERT INTO o SELECT p, REGEXP(s, p), REGEXP_EXTRACT(s, p), REGEXP_REPLACE(s, p, '-'), REGEXP_EXTRACT(s, '[a-z&&[^x]]') FROM (VALUES
 ('x1y', '[a-z&&[^x]]'), ('abcdef', '[a-z&&[def]]+'), ('xyz', '[^a-z&&[^y]]'), ('x-y', '[\w&&[^x]]')) AS t(s, p);
