-- a user's mistake: the column passed as a string instead of DESCRIPTOR(...)
CREATE MODEL sentiment INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo');
CREATE TEMPORARY VIEW v (id, txt) AS VALUES (1, 'hello');
CREATE TEMPORARY TABLE out1 (id INT, label STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, content FROM ML_PREDICT(TABLE v, MODEL sentiment, 'txt');
