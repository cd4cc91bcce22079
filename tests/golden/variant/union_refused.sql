-- UNION (distinct) of VARIANTs fails in Flink 2.3; UNION ALL works
SELECT PARSE_JSON('1') UNION SELECT PARSE_JSON('1');
-- golden: expect-message
