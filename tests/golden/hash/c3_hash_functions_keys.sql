-- hash functions as surrogate keys: MD5, SHA1, SHA256, SHA2 of concatenated fields and of NULL [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW t (a, b) AS VALUES ('alice', 1), ('bob', 2), (CAST(NULL AS STRING), 3);
SELECT a, MD5(a), SHA1(CONCAT_WS('|', a, CAST(b AS STRING))), SHA256(a), SHA2(a, 512) IS NOT NULL, CHAR_LENGTH(SHA2('x', 224))
FROM t ORDER BY b;
