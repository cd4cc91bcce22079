-- selecting a model output column under the wrong name (answer instead of content)
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo');
CREATE TEMPORARY VIEW docs(id, body) AS VALUES (1, 'x');
CREATE TEMPORARY TABLE out1 (id INT, answer STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, answer FROM ML_PREDICT(TABLE docs, MODEL m, DESCRIPTOR(body));
