-- Top-N whose outer SELECT leaves out the row number (source: Flink docs, Queries > Top-N, No Ranking Output Optimization, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/queries/topn/ ; VALUES instead of Kafka, ORDER BY added) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW ShopSales (product_id, category, product_name, sales) AS VALUES
  ('p1', 'fruit', 'apple', 120), ('p2', 'fruit', 'pear', 80), ('p3', 'tools', 'hammer', 40), ('p4', 'tools', 'saw', 55), ('p5', 'tools', 'drill', 70);
SELECT product_id, category, product_name, sales
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS row_num
  FROM ShopSales)
WHERE row_num <= 1
ORDER BY category;
