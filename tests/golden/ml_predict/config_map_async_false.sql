-- 'async' = 'false' in the runtime config MAP: the openai provider's synchronous function
CREATE MODEL sentiment INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the text into one of [positive, negative, neutral]. Output only the label.');
CREATE TEMPORARY VIEW reviews(id, review) AS VALUES (1, 'wonderful'), (2, 'horrible'), (3, CAST(NULL AS STRING));
CREATE TEMPORARY TABLE out1 (id INT, label STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, content FROM ML_PREDICT(TABLE reviews, MODEL sentiment, DESCRIPTOR(review), MAP['async', 'false']);
