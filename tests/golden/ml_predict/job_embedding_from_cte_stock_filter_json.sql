-- embeddings of trimmed product names from a CTE, dimension and non-null check
CREATE TABLE products (sku STRING, name STRING, price DECIMAL(10, 2), attrs MAP<STRING, STRING>, stock INT)
  WITH ('connector' = 'filesystem', 'path' = 'c2_products.json', 'format' = 'json');
CREATE MODEL emb INPUT (`input` STRING) OUTPUT (`embedding` ARRAY<FLOAT>) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/embeddings',
  'api-key' = 'sk-simulator',
  'model' = 'text-embedding-v3',
  'dimension' = '256');
CREATE TEMPORARY TABLE out1 (sku STRING, dims INT, ok BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1
WITH clean AS (SELECT sku, TRIM(name) AS title FROM products WHERE stock > 0)
SELECT sku, CARDINALITY(embedding), embedding[256] IS NOT NULL FROM ML_PREDICT(TABLE clean, MODEL emb, DESCRIPTOR(title)) ORDER BY sku;
