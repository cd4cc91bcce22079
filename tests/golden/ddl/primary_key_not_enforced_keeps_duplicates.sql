-- PRIMARY KEY NOT ENFORCED on a source with duplicate keys: rows are not deduplicated
CREATE TEMPORARY TABLE src (id INT, v STRING, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'filesystem', 'path' = 'c2_pk_dupes.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, v STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, v FROM src ORDER BY id, v;
