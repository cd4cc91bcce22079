-- UNION of tiny VALUES: the distinct rows sorted
SELECT x FROM (VALUES (3), (1)) AS a(x) UNION SELECT x FROM (VALUES (2), (1)) AS b(x);
