-- retry-fallback-strategy IGNORE after the retries of RETRY (404 from a wrong endpoint path)
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/v2/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'retry-num' = '1',
  'retry-fallback-strategy' = 'IGNORE');
CREATE TEMPORARY VIEW q(id, question) AS VALUES (1, 'great');
CREATE TEMPORARY TABLE out1 (id INT, answer STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, content FROM ML_PREDICT(TABLE q, MODEL m, DESCRIPTOR(question));
