-- encoding helpers: TO_BASE64, FROM_BASE64, HEX, BIN, ASCII, CHR, REVERSE, REPEAT [corpus3; expectation from the Flink oracle]
SELECT TO_BASE64('Flink SQL'), FROM_BASE64('Rmxpbms='), HEX(255), HEX('ab'), BIN(10), ASCII('A'), CHR(97), REVERSE('abc'), REPEAT('ab', 3);
