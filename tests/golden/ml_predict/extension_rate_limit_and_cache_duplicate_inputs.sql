-- our extension options 'rate-limit.rpm' and 'cache' on a model used over a VALUES view with ML_PREDICT
-- golden: extension
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'rate-limit.rpm' = '120',
  'cache' = 'true');
CREATE TEMPORARY VIEW docs(id, body) AS VALUES (1, 'a'), (2, 'a');
CREATE TEMPORARY TABLE out1 (id INT, n INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, CHAR_LENGTH(content) - CHAR_LENGTH(content) FROM ML_PREDICT(TABLE docs, MODEL m, DESCRIPTOR(body)) ORDER BY id;
