-- weekend flag with DAYOFWEEK, day names, week of year
CREATE TEMPORARY VIEW d (x) AS VALUES (DATE '2024-03-02'), (DATE '2024-03-03'), (DATE '2024-03-04'), (DATE '2024-12-30');
CREATE TEMPORARY TABLE out1 (x DATE, dow BIGINT, weekend BOOLEAN, wk BIGINT, doy BIGINT, dname STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT x, DAYOFWEEK(x), DAYOFWEEK(x) IN (1, 7), WEEK(x), DAYOFYEAR(x), DATE_FORMAT(x, 'EEEE') FROM d;
