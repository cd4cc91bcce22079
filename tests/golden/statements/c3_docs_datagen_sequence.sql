-- datagen connector with sequence fields bounded by start and end (source: Flink docs, Connectors > DataGen, https://nightlies.apache.org/flink/flink-docs-stable/docs/connectors/table/datagen/ ; random fields left out) [corpus3; expectation from the Flink oracle]
CREATE TABLE Orders (
    order_number BIGINT,
    price        INT
) WITH (
  'connector' = 'datagen',
  'fields.order_number.kind' = 'sequence',
  'fields.order_number.start' = '1',
  'fields.order_number.end' = '5',
  'fields.price.kind' = 'sequence',
  'fields.price.start' = '100',
  'fields.price.end' = '104'
);
SELECT order_number, price FROM Orders ORDER BY order_number;
