-- a DATE compared with a string that is no date fails the job
CREATE TABLE ev (id INT, d DATE, ts TIMESTAMP(0), t TIME(0)) WITH ('connector' = 'filesystem', 'path' = 'string_compare_events.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id FROM ev WHERE d < 'soon';
