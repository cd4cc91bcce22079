-- ML_PREDICT's STRING output inserted into an INT sink column (wrong type)
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo');
CREATE TEMPORARY VIEW docs(id, body) AS VALUES (1, 'hello');
CREATE TEMPORARY TABLE out1 (id INT, answer INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, content FROM ML_PREDICT(TABLE docs, MODEL m, DESCRIPTOR(body));
