-- two models in one job: a chat classifier and an embedding model over the same VALUES view, two sinks
CREATE MODEL clf INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the text into one of [positive, negative, neutral]. Output only the label.');
CREATE MODEL emb INPUT (`input` STRING) OUTPUT (`embedding` ARRAY<FLOAT>) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/embeddings',
  'api-key' = 'sk-simulator',
  'model' = 'text-embedding-v3',
  'dimension' = '256');
CREATE TEMPORARY VIEW docs(id, body) AS VALUES (1, 'I love it'), (2, 'It is broken');
CREATE TEMPORARY TABLE labels (id INT, label STRING) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE vectors (id INT, dims INT) WITH ('connector' = 'print');
INSERT INTO labels SELECT id, content FROM ML_PREDICT(TABLE docs, MODEL clf, DESCRIPTOR(body)) ORDER BY id;
INSERT INTO vectors SELECT id, CARDINALITY(embedding) FROM ML_PREDICT(TABLE docs, MODEL emb, DESCRIPTOR(body)) ORDER BY id;
