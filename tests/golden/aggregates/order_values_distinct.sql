-- DISTINCT over 4 VALUES rows: a sort aggregate, rows in key order
SELECT DISTINCT s FROM (VALUES ('b'),('a'),('c'),('a')) t(s);
