-- response-format json_object: the answer is JSON, read with JSON_VALUE
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the text into one of [positive, negative, neutral]. Answer in JSON.',
  'response-format' = 'json_object');
CREATE TEMPORARY VIEW q(id, question) AS VALUES (1, 'great'), (2, 'bad');
CREATE TEMPORARY TABLE out1 (id INT, is_json BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, content IS JSON FROM ML_PREDICT(TABLE q, MODEL m, DESCRIPTOR(question));
