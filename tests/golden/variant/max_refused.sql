-- MAX has no VARIANT version
SELECT MAX(v) FROM (SELECT PARSE_JSON(s) AS v FROM (VALUES ('2'), ('1')) AS t(s));
-- golden: expect-message
