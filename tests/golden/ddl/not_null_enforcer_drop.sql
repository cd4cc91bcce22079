-- SET 'table.exec.sink.not-null-enforcer' = 'DROP': rows with a NULL in a NOT NULL sink column are dropped
SET 'table.exec.sink.not-null-enforcer' = 'DROP';
CREATE TEMPORARY TABLE out1 (id INT NOT NULL, name STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(v, n) AS VALUES (1, 'a'), (CAST(NULL AS INT), 'b'), (3, CAST(NULL AS STRING));
INSERT INTO out1 SELECT v, n FROM t;
