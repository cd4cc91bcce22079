-- an embedding of a NULL text
CREATE MODEL embed INPUT (`input` STRING) OUTPUT (`embedding` ARRAY<FLOAT>) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/embeddings',
  'api-key' = 'sk-simulator',
  'model' = 'text-embedding-v3',
  'dimension' = '64');
CREATE TEMPORARY VIEW docs(id, body) AS VALUES (1, 'red apples'), (2, CAST(NULL AS STRING));
CREATE TEMPORARY TABLE out1 (id INT, dims INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, CARDINALITY(embedding) FROM ML_PREDICT(TABLE docs, MODEL embed, DESCRIPTOR(body));
