-- an embedding vector printed whole (FLOAT elements, dimension 64)
CREATE MODEL embed INPUT (`input` STRING) OUTPUT (`embedding` ARRAY<FLOAT>) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/embeddings',
  'api-key' = 'sk-simulator',
  'model' = 'text-embedding-v3',
  'dimension' = '64');
CREATE TEMPORARY VIEW docs(id, body) AS VALUES (1, 'red apples');
CREATE TEMPORARY TABLE out1 (id INT, embedding ARRAY<FLOAT>) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, embedding FROM ML_PREDICT(TABLE docs, MODEL embed, DESCRIPTOR(body));
