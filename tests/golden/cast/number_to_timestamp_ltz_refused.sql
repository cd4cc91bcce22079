-- a number cast to TIMESTAMP_LTZ is refused, naming TO_TIMESTAMP_LTZ
-- golden: expect-message
CREATE TEMPORARY TABLE snk (a TIMESTAMP_LTZ(3)) WITH ('connector' = 'print');
INSERT INTO snk SELECT CAST(CAST(1704067200 AS DOUBLE) AS TIMESTAMP_LTZ(3));
