-- ML_PREDICT labels over csv reviews, then a window counting labels per sku in a CTE
CREATE TABLE reviews (id INT, sku STRING, review STRING, stars INT)
  WITH ('connector' = 'filesystem', 'path' = 'shop_reviews.csv', 'format' = 'csv');
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the review into one of [positive, negative, neutral]. Output only the label.');
CREATE TEMPORARY TABLE out1 (id INT, sku STRING, label STRING, same_label_in_sku BIGINT) WITH ('connector' = 'print');
INSERT INTO out1
WITH labelled AS (SELECT id, sku, content AS label FROM ML_PREDICT(TABLE reviews, MODEL m, DESCRIPTOR(review)) WHERE review <> '')
SELECT id, sku, label, COUNT(*) OVER (PARTITION BY sku, label) FROM labelled ORDER BY id;
