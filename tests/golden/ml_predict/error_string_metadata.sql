-- IGNORE with `error-string` and `http-status-code` declared as METADATA output columns
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING, `error-string` STRING METADATA, `http-status-code` INT METADATA) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/v2/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'error-handling-strategy' = 'IGNORE');
CREATE TEMPORARY VIEW q(id, question) AS VALUES (1, 'great');
CREATE TEMPORARY TABLE out1 (id INT, answer STRING, status INT, failed BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, content, `http-status-code`, `error-string` IS NOT NULL FROM ML_PREDICT(TABLE q, MODEL m, DESCRIPTOR(question));
