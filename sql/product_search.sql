-- Semantic search over a product catalogue: the catalogue (276 items, Chinese and English) is
-- embedded once into Parquet; user queries are embedded and matched with VECTOR_SEARCH, and the
-- three best matches of each are printed. Re-runs embed nothing again (the response cache).

CREATE MODEL product_embedding
INPUT (`input` STRING)
OUTPUT (`embedding` ARRAY<FLOAT>)
WITH (
  'provider' = 'bailian',
  'endpoint' = '${BAILIAN_BASE_URL:-https://dashscope-intl.aliyuncs.com}/compatible-mode/v1/embeddings',
  'api-key' = '${DASHSCOPE_API_KEY:-sk-simulator}',
  'model' = 'text-embedding-v3',
  'dimension' = '512'
);

CREATE TABLE products (
  product_id BIGINT,
  name STRING,
  category STRING,
  lang STRING,
  description STRING
) WITH ('connector' = 'filesystem', 'path' = 'data/catalog', 'format' = 'json');

CREATE TABLE product_vectors (
  product_id BIGINT,
  name STRING,
  category STRING,
  embedding ARRAY<FLOAT>
) WITH (
  'connector' = 'filesystem',
  'path' = '${BAILIAN_OUTPUT_DIR:-../output}/product_vectors',
  'format' = 'parquet'
);

INSERT INTO product_vectors
SELECT product_id, name, category, embedding
FROM ML_PREDICT(TABLE products, MODEL product_embedding, DESCRIPTOR(description));

CREATE TEMPORARY VIEW user_queries (query_id, query_text) AS VALUES
  (1, 'wireless noise cancelling headphones'),
  (2, 'waterproof hiking backpack'),
  (3, 'stainless steel electric kettle'),
  (4, '無線降噪耳機'),
  (5, '大容量保溫杯'),
  (6, 'organic jasmine green tea');

CREATE TEMPORARY VIEW query_vectors AS
SELECT query_id, query_text, embedding AS query_embedding
FROM ML_PREDICT(TABLE user_queries, MODEL product_embedding, DESCRIPTOR(query_text));

CREATE TEMPORARY TABLE search_results (
  query_id INT, query_text STRING, product_id BIGINT, name STRING, score DOUBLE
) WITH ('connector' = 'print', 'print-identifier' = 'search');

INSERT INTO search_results
SELECT q.query_id, q.query_text, r.product_id, r.name, r.score
FROM query_vectors AS q,
  LATERAL TABLE(VECTOR_SEARCH(TABLE product_vectors, DESCRIPTOR(embedding), q.query_embedding, 3)) AS r;
