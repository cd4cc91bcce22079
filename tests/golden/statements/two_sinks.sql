-- two INSERTs into two print sinks run as one job
CREATE TEMPORARY VIEW src(id, v) AS VALUES (1, 10), (2, 20), (3, 30);
CREATE TEMPORARY TABLE small (id INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE big (id INT) WITH ('connector' = 'print');
INSERT INTO small SELECT id FROM src WHERE v < 20;
INSERT INTO big SELECT id FROM src WHERE v >= 20;
