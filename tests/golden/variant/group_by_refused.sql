-- a VARIANT cannot be a grouping key
SELECT v, COUNT(*) FROM (SELECT PARSE_JSON(s) AS v FROM (VALUES ('1'), ('1'), ('2')) AS t(s)) GROUP BY v;
