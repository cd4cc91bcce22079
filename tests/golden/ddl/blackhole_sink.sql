-- a blackhole sink accepts rows and shows none
CREATE TEMPORARY TABLE sink (id INT) WITH ('connector' = 'blackhole');
INSERT INTO sink SELECT 1;
