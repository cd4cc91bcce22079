-- a misspelt model option is refused
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system_prompt' = 'Be brief.');
CREATE TEMPORARY VIEW q(id, question) AS VALUES (1, 'hello');
CREATE TEMPORARY TABLE out1 (id INT, answer STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, content FROM ML_PREDICT(TABLE q, MODEL m, DESCRIPTOR(question));
