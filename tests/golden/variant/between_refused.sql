-- BETWEEN orders its operands: refused for VARIANT
SELECT PARSE_JSON('1') BETWEEN PARSE_JSON('0') AND PARSE_JSON('2');
-- golden: expect-message
