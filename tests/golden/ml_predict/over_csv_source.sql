-- ML_PREDICT over a csv filesystem source
CREATE TABLE reviews (id INT, review STRING) WITH ('connector' = 'filesystem', 'path' = 'reviews.csv', 'format' = 'csv');
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the text into one of [positive, negative, neutral]. Output only the label.');
CREATE TEMPORARY TABLE out1 (id INT, label STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, content FROM ML_PREDICT(TABLE reviews, MODEL m, DESCRIPTOR(review)) ORDER BY id;
