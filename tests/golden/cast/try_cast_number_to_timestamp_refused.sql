-- TRY_CAST of a number to TIMESTAMP is refused as CAST is
-- golden: expect-message
CREATE TEMPORARY TABLE snk (a TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO snk SELECT TRY_CAST(1704067200 AS TIMESTAMP(3));
