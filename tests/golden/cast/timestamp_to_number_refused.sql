-- a TIMESTAMP cast to a number is refused, naming UNIX_TIMESTAMP
-- golden: expect-message
CREATE TEMPORARY TABLE snk (a BIGINT) WITH ('connector' = 'print');
INSERT INTO snk SELECT CAST(TIMESTAMP '2024-01-01 00:00:00' AS BIGINT);
