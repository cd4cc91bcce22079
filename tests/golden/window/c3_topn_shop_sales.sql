-- Top-N per category with ROW_NUMBER (source: Flink docs, Queries > Top-N, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/queries/topn/ ; Kafka source replaced by VALUES, outer ORDER BY added) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW ShopSales (product_id, category, product_name, sales) AS VALUES
  ('p1', 'fruit', 'apple', 120), ('p2', 'fruit', 'pear', 80), ('p3', 'fruit', 'plum', 95),
  ('p4', 'tools', 'hammer', 40), ('p5', 'tools', 'saw', 55), ('p6', 'toys', 'ball', 10);
CREATE TEMPORARY TABLE top2 (product_id STRING, category STRING, product_name STRING, sales INT, row_num BIGINT) WITH ('connector' = 'print');
INSERT INTO top2
SELECT *
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS row_num
  FROM ShopSales)
WHERE row_num <= 2
ORDER BY category, row_num;
