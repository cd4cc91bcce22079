-- one ML_PREDICT view feeding two print sinks
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the text into one of [positive, negative, neutral]. Output only the label.');
CREATE TEMPORARY VIEW q(id, question) AS VALUES (1, 'great'), (2, 'bad');
CREATE TEMPORARY VIEW labelled AS SELECT id, content AS label FROM ML_PREDICT(TABLE q, MODEL m, DESCRIPTOR(question));
CREATE TEMPORARY TABLE pos (id INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE neg (id INT) WITH ('connector' = 'print');
INSERT INTO pos SELECT id FROM labelled WHERE label = 'positive';
INSERT INTO neg SELECT id FROM labelled WHERE label = 'negative';
