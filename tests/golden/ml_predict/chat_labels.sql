-- a chat model labels each row; output columns are appended to the input's
CREATE MODEL sentiment INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the text into one of [positive, negative, neutral]. Output only the label.');
CREATE TEMPORARY VIEW reviews(id, review) AS VALUES (1, 'I love it, great value'), (2, 'awful and broken'), (3, 'it arrived');
CREATE TEMPORARY TABLE out1 (id INT, review STRING, label STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, review, content FROM ML_PREDICT(TABLE reviews, MODEL sentiment, DESCRIPTOR(review)) ORDER BY id;
