-- a TIMESTAMP_LTZ cast to a number is refused
-- golden: expect-message
CREATE TEMPORARY TABLE snk (a DECIMAL(20, 0)) WITH ('connector' = 'print');
INSERT INTO snk SELECT CAST(TO_TIMESTAMP_LTZ(0, 3) AS DECIMAL(20, 0));
