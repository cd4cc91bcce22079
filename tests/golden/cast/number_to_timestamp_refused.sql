-- a number cast to TIMESTAMP is refused, naming TO_TIMESTAMP(FROM_UNIXTIME(...))
-- golden: expect-message
CREATE TEMPORARY TABLE snk (a TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO snk SELECT CAST(1704067200 AS TIMESTAMP(3));
