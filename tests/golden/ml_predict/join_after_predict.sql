-- ML_PREDICT output joined with another view
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the text into one of [positive, negative, neutral]. Output only the label.');
CREATE TEMPORARY VIEW q(id, question) AS VALUES (1, 'great'), (2, 'bad');
CREATE TEMPORARY VIEW truth(id, expected) AS VALUES (1, 'positive'), (2, 'positive');
CREATE TEMPORARY TABLE out1 (id INT, correct BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT p.id, p.content = t.expected FROM ML_PREDICT(TABLE q, MODEL m, DESCRIPTOR(question)) AS p JOIN truth AS t ON p.id = t.id ORDER BY p.id;
