-- Daily product reviews (Chinese and English), labelled by sentiment, one Parquet partition
-- per day. The reviews arrive as JSON lines in data/product_reviews/dt=YYYY-MM-DD/; the
-- labels go to $BAILIAN_OUTPUT_DIR (default: output/ beside sql/), partitioned the same way.

SET 'schedule.cron' = '0 2 * * *';          -- every night, the day just ended
SET 'schedule.timezone' = 'Asia/Shanghai';
SET 'check.accuracy.min' = '0.8';            -- predicted_label against actual_label

CREATE MODEL review_sentiment
INPUT (`input` STRING)
OUTPUT (`content` STRING)
COMMENT 'qwen-turbo classifying product reviews'
WITH (
  'provider' = 'bailian',
  'endpoint' = '${BAILIAN_BASE_URL:-https://dashscope-intl.aliyuncs.com}/compatible-mode/v1/chat/completions',
  'api-key' = '${DASHSCOPE_API_KEY:-sk-simulator}',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the sentiment of the product review into one of [positive, negative, neutral, mixed]. Output only the label.',
  'temperature' = '0',
  'rate-limit.rpm' = '600',
  'price.input-per-million-tokens' = '0.05',   -- qwen-turbo international
  'price.output-per-million-tokens' = '0.2',
  'price.currency' = 'USD'
);

CREATE TABLE product_reviews (
  review_id BIGINT,
  product STRING,
  lang STRING,
  review STRING,
  actual_label STRING,
  dt STRING
) PARTITIONED BY (dt) WITH (
  'connector' = 'filesystem',
  'path' = 'data/product_reviews',
  'format' = 'json'
);

CREATE TABLE review_sentiment_daily (
  review_id BIGINT,
  product STRING,
  lang STRING,
  predicted_label STRING,
  actual_label STRING,
  dt STRING
) PARTITIONED BY (dt) WITH (
  'connector' = 'filesystem',
  'path' = '${BAILIAN_OUTPUT_DIR:-../output}/review_sentiment_daily',
  'format' = 'parquet'
);

INSERT INTO review_sentiment_daily
SELECT review_id, product, lang, TRIM(content) AS predicted_label, actual_label, dt
FROM ML_PREDICT(TABLE product_reviews, MODEL review_sentiment, DESCRIPTOR(review));
