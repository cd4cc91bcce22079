-- ML_PREDICT over a filtered, limited subquery with ORDER BY, a model with a temperature option
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'temperature' = '0.0',
  'system-prompt' = 'Classify the text into one of [positive, negative, neutral]. Output only the label.');
CREATE TEMPORARY VIEW docs(id, body) AS VALUES (1, 'awful'), (2, 'great'), (3, 'fine'), (4, 'superb');
CREATE TEMPORARY VIEW picked AS SELECT id, body FROM docs WHERE id > 1 ORDER BY id LIMIT 2;
CREATE TEMPORARY TABLE out1 (id INT, body STRING, answer STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, body, content FROM ML_PREDICT(TABLE picked, MODEL m, DESCRIPTOR(body)) ORDER BY id;
