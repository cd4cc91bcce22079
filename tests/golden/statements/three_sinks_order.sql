-- sinks are listed in the order of their INSERTs
CREATE TEMPORARY TABLE c (x INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE a (x INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE b (x INT) WITH ('connector' = 'print');
INSERT INTO b SELECT 2;
INSERT INTO c SELECT 3;
INSERT INTO a SELECT 1;
