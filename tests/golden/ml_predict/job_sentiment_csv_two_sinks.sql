-- ML_PREDICT sentiment over a csv of reviews with quotes and unicode, joined back to products, counted per label
CREATE TABLE reviews (id INT, sku STRING, review STRING, stars INT)
  WITH ('connector' = 'filesystem', 'path' = 'shop_reviews.csv', 'format' = 'csv');
CREATE MODEL sentiment INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'openai',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the review into one of [positive, negative, neutral]. Output only the label.');
CREATE TEMPORARY VIEW non_empty AS SELECT id, sku, review, stars FROM reviews WHERE CHAR_LENGTH(review) > 0;
CREATE TEMPORARY TABLE per_row (id INT, sku STRING, stars INT, label STRING) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE per_label (label STRING, n BIGINT, avg_stars INT) WITH ('connector' = 'print');
INSERT INTO per_row SELECT id, sku, stars, content FROM ML_PREDICT(TABLE non_empty, MODEL sentiment, DESCRIPTOR(review)) ORDER BY id;
INSERT INTO per_label SELECT content, COUNT(*), AVG(stars) FROM ML_PREDICT(TABLE non_empty, MODEL sentiment, DESCRIPTOR(review)) GROUP BY content ORDER BY content;
