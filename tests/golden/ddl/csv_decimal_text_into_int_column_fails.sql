-- a typed INT column over a csv field holding 'n/a': Flink fails the job at run time (table not named raw, a reserved word)
CREATE TABLE messy_rows (rid INT, amount INT, d STRING, flag STRING)
  WITH ('connector' = 'filesystem', 'path' = 'c2_messy.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (rid INT, amount INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT rid, amount FROM messy_rows;
