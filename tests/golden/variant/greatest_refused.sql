-- GREATEST compares: refused for VARIANT
SELECT GREATEST(PARSE_JSON('1'), PARSE_JSON('2'));
-- golden: expect-message
