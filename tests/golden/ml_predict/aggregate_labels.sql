-- ML_PREDICT output grouped and counted
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the text into one of [positive, negative, neutral]. Output only the label.');
CREATE TEMPORARY VIEW q(id, question) AS VALUES (1, 'great'), (2, 'bad'), (3, 'good'), (4, 'awful'), (5, 'excellent');
CREATE TEMPORARY TABLE out1 (label STRING, n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT content, COUNT(*) FROM ML_PREDICT(TABLE q, MODEL m, DESCRIPTOR(question)) GROUP BY content ORDER BY content;
