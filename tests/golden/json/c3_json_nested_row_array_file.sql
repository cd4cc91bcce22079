-- json file with a nested object read as ROW and an array of ROWs expanded with UNNEST [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE orders_json (
  id INT,
  customer ROW<name STRING, address ROW<city STRING, zip STRING>>,
  items ARRAY<ROW<sku STRING, qty INT>>
) WITH ('connector' = 'filesystem', 'path' = 'c3_nested.json', 'format' = 'json');
SELECT id, customer.name, customer.address.city, i.sku, i.qty
FROM orders_json CROSS JOIN UNNEST(items) AS i (sku, qty)
ORDER BY id, i.sku;
SELECT id, CARDINALITY(items), items[1].sku FROM orders_json ORDER BY id;
