-- an unknown key in the runtime config MAP
CREATE MODEL sentiment INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo');
CREATE TEMPORARY VIEW reviews(id, review) AS VALUES (1, 'wonderful');
CREATE TEMPORARY TABLE out1 (id INT, label STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, content FROM ML_PREDICT(TABLE reviews, MODEL sentiment, DESCRIPTOR(review), MAP['max-concurrent-ops', '2']);
