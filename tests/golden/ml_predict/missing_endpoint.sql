-- a model without the required 'endpoint' option
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo');
CREATE TEMPORARY VIEW q(id, question) AS VALUES (1, 'hello');
CREATE TEMPORARY TABLE out1 (id INT, answer STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, content FROM ML_PREDICT(TABLE q, MODEL m, DESCRIPTOR(question));
