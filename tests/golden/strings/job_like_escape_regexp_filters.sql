-- LIKE with wildcards and ESCAPE, NOT LIKE, REGEXP and SIMILAR TO filters on emails
CREATE TEMPORARY VIEW v(e) AS VALUES ('a_b@x.com'), ('ab@x.com'), ('ABC@Y.ORG'), ('nobody'), ('50%@off.biz');
CREATE TEMPORARY TABLE out1 (e STRING, l1 BOOLEAN, l2 BOOLEAN, r BOOLEAN, l3 BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT e, e LIKE 'a\_b%' ESCAPE '\', e NOT LIKE '%@%', REGEXP(e, '^[a-z]+@[a-z]+\.com$'), e LIKE '%!%%' ESCAPE '!' FROM v ORDER BY e;
