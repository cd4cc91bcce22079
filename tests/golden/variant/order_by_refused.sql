-- a VARIANT cannot be a sort key
SELECT v FROM (SELECT PARSE_JSON(s) AS v FROM (VALUES ('2'), ('1')) AS t(s)) ORDER BY v;
