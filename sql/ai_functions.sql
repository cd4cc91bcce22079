-- VVR's AI functions (Realtime Compute for Apache Flink, VVR 11.4+) on a small support inbox
-- written in Chinese and English: every function once, as VVR's documentation calls them.
-- With BAILIAN_BASE_URL unset the built-in simulator answers (offline, deterministic); set it
-- and DASHSCOPE_API_KEY to call the real service.

CREATE TEMPORARY MODEL general_model
INPUT (`input` STRING)
OUTPUT (`content` VARIANT)
WITH (
  'provider' = 'openai-compat',
  'endpoint' = '${BAILIAN_BASE_URL:-https://dashscope-intl.aliyuncs.com}/compatible-mode/v1/chat/completions',
  'apiKey'   = '${DASHSCOPE_API_KEY:-sk-simulator}',
  'model'    = 'qwen-plus'
);

CREATE TEMPORARY MODEL embedding_model
INPUT (`input` STRING)
OUTPUT (`embedding` ARRAY<FLOAT>)
WITH (
  'provider' = 'openai-compat',
  'endpoint' = '${BAILIAN_BASE_URL:-https://dashscope-intl.aliyuncs.com}/compatible-mode/v1/embeddings',
  'apiKey'   = '${DASHSCOPE_API_KEY:-sk-simulator}',
  'model'    = 'text-embedding-v3'
);

CREATE TEMPORARY VIEW inbox(id, message)
AS VALUES
  (1, '新买的耳机音质很棒，物流也快，非常满意！'),
  (2, 'The charger stopped working after two days. Terrible quality, I want a refund.'),
  (3, '我叫王芳，电话13912345678，邮箱 wangfang@example.com，订单还没发货，请尽快处理。'),
  (4, 'Hi, this is Tom Baker, 42, living in Hangzhou. Please call me at 138-0013-8000 about order 2024-118.'),
  (5, '包装一般，衣服尺码偏小，颜色和图片差不多。');

-- AI_CLASSIFY: one of the labels (positional arguments)
CREATE TEMPORARY TABLE classified (id INT, category STRING, confidence DOUBLE)
WITH ('connector' = 'print');
INSERT INTO classified
SELECT id, category, confidence
FROM inbox, LATERAL TABLE(
  AI_CLASSIFY(MODEL general_model, message, ARRAY['Digital', 'Clothing', 'Logistics']));

-- AI_SENTIMENT: score (-1..1), label, confidence (named arguments)
CREATE TEMPORARY TABLE sentiment (id INT, score DOUBLE, label STRING, confidence DOUBLE)
WITH ('connector' = 'print');
INSERT INTO sentiment
SELECT id, score, label, confidence
FROM inbox, LATERAL TABLE(AI_SENTIMENT(MODEL => MODEL general_model, INPUT => message));

-- AI_EXTRACT: the schema's fields as a JSON string
CREATE TEMPORARY TABLE extracted (id INT, extracted_json STRING)
WITH ('connector' = 'print');
INSERT INTO extracted
SELECT id, extracted_json
FROM inbox, LATERAL TABLE(
  AI_EXTRACT(MODEL => MODEL general_model, INPUT => message,
             EXTRACT_SCHEMA => '{"name": "string", "age": "int", "phone": "string", "email": "string"}'))
WHERE id IN (3, 4);

-- AI_TRANSLATE: into English, the source language detected
CREATE TEMPORARY TABLE translated (id INT, translated_text STRING, detected_language STRING)
WITH ('connector' = 'print');
INSERT INTO translated
SELECT id, translated_text, detected_language
FROM inbox, LATERAL TABLE(AI_TRANSLATE(MODEL general_model, message, 'auto', 'en'));

-- AI_SUMMARIZE: at most 40 characters
CREATE TEMPORARY TABLE summarized (id INT, summary STRING)
WITH ('connector' = 'print');
INSERT INTO summarized
SELECT id, summary
FROM inbox, LATERAL TABLE(AI_SUMMARIZE(MODEL general_model, message, 40));

-- AI_MASK: phones and emails replaced by [PHONE] and [EMAIL]
CREATE TEMPORARY TABLE masked (id INT, masked_text STRING, detected_entities ARRAY<STRING>)
WITH ('connector' = 'print');
INSERT INTO masked
SELECT id, masked_text, detected_entities
FROM inbox, LATERAL TABLE(
  AI_MASK(MODEL => MODEL general_model, INPUT => message,
          MASK_ENTITIES => ARRAY['phone', 'email']));

-- AI_EMBED: 256-dimensional vectors (without DIMENSION: 1024)
CREATE TEMPORARY TABLE embedded (id INT, dimensions INT)
WITH ('connector' = 'print');
INSERT INTO embedded
SELECT id, CARDINALITY(embedding)
FROM inbox LEFT JOIN LATERAL TABLE(AI_EMBED(MODEL embedding_model, message, 256)) ON TRUE;
