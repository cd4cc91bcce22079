-- DESCRIBE a table: Flink's six fields per column (name, type, null, key, extras, watermark)
CREATE TABLE t (id INT NOT NULL, name STRING, price DECIMAL(10, 2), ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'print');
DESCRIBE t;
