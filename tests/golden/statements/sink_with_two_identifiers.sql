-- two print sinks with print identifiers
CREATE TEMPORARY TABLE a (x INT) WITH ('connector' = 'print', 'print-identifier' = 'A');
CREATE TEMPORARY TABLE b (x INT) WITH ('connector' = 'print', 'print-identifier' = 'B');
INSERT INTO a SELECT 1;
INSERT INTO b SELECT 2;
