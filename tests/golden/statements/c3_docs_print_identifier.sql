-- print connector with 'print-identifier' prefixing each row (source: Flink docs, Connectors > Print, https://nightlies.apache.org/flink/flink-docs-stable/docs/connectors/table/print/ ; datagen replaced by VALUES) [corpus3; expectation from the Flink oracle]
CREATE TABLE print_table (
  f0 INT,
  f1 INT,
  f2 STRING,
  f3 DOUBLE
) WITH (
  'connector' = 'print',
  'print-identifier' = 'orders'
);
INSERT INTO print_table VALUES (1, 2, 'x', 0.5), (3, 4, CAST(NULL AS STRING), 1.25);
