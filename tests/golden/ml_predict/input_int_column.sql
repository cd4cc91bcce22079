-- a model INPUT column of type INT
CREATE MODEL m INPUT (`input` INT) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo');
CREATE TEMPORARY VIEW q(id, n) AS VALUES (1, 5);
CREATE TEMPORARY TABLE out1 (id INT, answer STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, content FROM ML_PREDICT(TABLE q, MODEL m, DESCRIPTOR(n));
