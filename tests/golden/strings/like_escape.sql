-- LIKE with an ESCAPE character matches a literal % and _
CREATE TEMPORARY TABLE out1 (s STRING, pct BOOLEAN, under BOOLEAN) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('save 50% now'), ('a_b'), ('ab');
INSERT INTO out1 SELECT s, s LIKE '%50!%%' ESCAPE '!', s LIKE 'a!_%' ESCAPE '!' FROM t;
