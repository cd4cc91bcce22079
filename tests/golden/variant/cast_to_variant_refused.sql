-- not even CAST(VARIANT AS VARIANT) is allowed
SELECT CAST(PARSE_JSON('1') AS VARIANT);
-- golden: expect-message
