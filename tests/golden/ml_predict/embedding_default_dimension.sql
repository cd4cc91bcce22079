-- an embedding model without 'dimension' uses the service's default
CREATE MODEL embed INPUT (`input` STRING) OUTPUT (`embedding` ARRAY<FLOAT>) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/embeddings',
  'api-key' = 'sk-simulator',
  'model' = 'text-embedding-v3');
CREATE TEMPORARY VIEW docs(id, body) AS VALUES (1, 'red apples');
CREATE TEMPORARY TABLE out1 (id INT, dims INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, CARDINALITY(embedding) FROM ML_PREDICT(TABLE docs, MODEL embed, DESCRIPTOR(body));
