-- VARIANT values have no order: < is refused
SELECT PARSE_JSON('1') < PARSE_JSON('2');
-- golden: expect-message
