-- VVR's print option 'logger' (dropped by the oracle, as Apache Flink has none)
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print', 'logger' = 'true');
INSERT INTO out1 SELECT 1;
