-- a chat model OUTPUT column of type INT
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` INT) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo');
CREATE TEMPORARY VIEW q(id, question) AS VALUES (1, 'great');
CREATE TEMPORARY TABLE out1 (id INT, answer INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, content FROM ML_PREDICT(TABLE q, MODEL m, DESCRIPTOR(question));
