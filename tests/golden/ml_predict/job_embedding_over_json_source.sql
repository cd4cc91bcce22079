-- embeddings of product names: dimension per row, and the first element rounded is not printed (only sign tested)
CREATE TABLE products (sku STRING, name STRING, price DECIMAL(10, 2), stock INT)
  WITH ('connector' = 'filesystem', 'path' = 'shop_products.json', 'format' = 'json');
CREATE MODEL emb INPUT (`input` STRING) OUTPUT (`embedding` ARRAY<FLOAT>) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/embeddings',
  'api-key' = 'sk-simulator',
  'model' = 'text-embedding-v3',
  'dimension' = '128');
CREATE TEMPORARY TABLE out1 (sku STRING, dims INT, has_values BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1
SELECT sku, CARDINALITY(embedding), embedding[1] IS NOT NULL
FROM ML_PREDICT(TABLE products, MODEL emb, DESCRIPTOR(name)) ORDER BY sku;
