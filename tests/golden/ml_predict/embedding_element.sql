-- one element of an embedding vector (the 11th, non-zero for this text), and a rounded DOUBLE of it
CREATE MODEL embed INPUT (`input` STRING) OUTPUT (`embedding` ARRAY<FLOAT>) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/embeddings',
  'api-key' = 'sk-simulator',
  'model' = 'text-embedding-v3',
  'dimension' = '64');
CREATE TEMPORARY VIEW docs(id, body) AS VALUES (1, 'red apples');
CREATE TEMPORARY TABLE out1 (id INT, first_ FLOAT, rounded DOUBLE) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, embedding[11], ROUND(CAST(embedding[11] AS DOUBLE), 3) FROM ML_PREDICT(TABLE docs, MODEL embed, DESCRIPTOR(body));
