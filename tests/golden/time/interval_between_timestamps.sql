-- subtracting timestamps needs TIMESTAMPDIFF; comparing intervals after adding
CREATE TEMPORARY TABLE out1 (r BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '36' HOUR = TIMESTAMP '2024-01-02 12:00:00';
