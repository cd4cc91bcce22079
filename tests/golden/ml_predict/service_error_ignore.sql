-- error-handling-strategy IGNORE drops the rows that failed (404 from a wrong endpoint path) when OUTPUT has no error columns
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/v2/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'error-handling-strategy' = 'IGNORE');
CREATE TEMPORARY VIEW q(id, question) AS VALUES (1, 'great'), (2, 'bad');
CREATE TEMPORARY TABLE out1 (id INT, answer STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, content FROM ML_PREDICT(TABLE q, MODEL m, DESCRIPTOR(question));
