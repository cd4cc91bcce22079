-- FROM_UNIXTIME and TO_TIMESTAMP_LTZ in a non-UTC session zone, and UNIX_TIMESTAMP of a string
SET 'table.local-time-zone' = 'America/New_York';
CREATE TEMPORARY VIEW v(epoch) AS VALUES (0), (1700000000);
CREATE TEMPORARY TABLE out1 (epoch INT, s STRING, ltz TIMESTAMP_LTZ(3), back BIGINT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT epoch, FROM_UNIXTIME(epoch), TO_TIMESTAMP_LTZ(CAST(epoch AS BIGINT) * 1000, 3),
       UNIX_TIMESTAMP(FROM_UNIXTIME(epoch))
FROM v ORDER BY epoch;
