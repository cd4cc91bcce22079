-- IGNORE with `error-string` and `http-status-code` declared as plain OUTPUT columns
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING, `error-string` STRING, `http-status-code` INT) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/v2/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'error-handling-strategy' = 'IGNORE');
CREATE TEMPORARY VIEW q(id, question) AS VALUES (1, 'great');
CREATE TEMPORARY TABLE out1 (id INT, answer STRING, status INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, content, `http-status-code` FROM ML_PREDICT(TABLE q, MODEL m, DESCRIPTOR(question));
