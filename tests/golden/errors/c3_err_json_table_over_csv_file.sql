-- user mistake: a json table pointed at a csv file [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE t (order_id INT, product STRING) WITH ('connector' = 'filesystem', 'path' = 'c3_orders.csv', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (order_id INT, product STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT * FROM t;
