-- user mistake: DESCRIPTOR names a column the input table does not have [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY MODEL classifier INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the ticket into one of [billing, shipping, other]. Output only the label.');
CREATE TEMPORARY VIEW tickets (id, body) AS VALUES (1, 'I was charged twice');
SELECT id, content FROM ML_PREDICT(TABLE tickets, MODEL classifier, DESCRIPTOR(bodyy));
