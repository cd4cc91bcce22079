-- two json tables (row counts Flink does not know): each probe row's matches come last first
CREATE TABLE p (k INT, v STRING) WITH ('connector' = 'filesystem', 'path' = 'order_p.json', 'format' = 'json');
CREATE TABLE bd (k INT, w STRING) WITH ('connector' = 'filesystem', 'path' = 'order_bd.json', 'format' = 'json');
SELECT v, w FROM p JOIN bd ON p.k = bd.k;
SELECT v, w FROM bd JOIN p ON p.k = bd.k;
