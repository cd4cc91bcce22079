-- a DATE past 9999-12-31 fails the job
CREATE TEMPORARY TABLE out1 (d DATE) WITH ('connector' = 'print');
INSERT INTO out1 SELECT DATE '9999-12-31' + INTERVAL '1' DAY;
