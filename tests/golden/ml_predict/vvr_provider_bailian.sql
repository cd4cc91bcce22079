-- VVR's provider 'bailian' (run as Flink's openai provider by the oracle), the movie sample's shape
CREATE MODEL ai_analyze_sentiment INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'bailian',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-simulator',
  'model' = 'qwen-turbo',
  'system-prompt' = 'Classify the text below into one of the following labels: [positive, negative, neutral, mixed]. Output only the label.');
CREATE TEMPORARY TABLE print_sink (id BIGINT, movie_name VARCHAR, predict_label VARCHAR, actual_label VARCHAR) WITH ('connector' = 'print', 'logger' = 'true');
CREATE TEMPORARY VIEW movie_comment(id, movie_name, user_comment, actual_label)
AS VALUES (1, '好東西', '最愛小孩子猜聲音那段,算得上看過的電影裡相當浪漫的敘事了。很溫和也很有愛。', 'positive'),
          (2, '水餃皇后', '乏善可陳', 'negative');
INSERT INTO print_sink
SELECT id, movie_name, content AS predict_label, actual_label
FROM ML_PREDICT(TABLE movie_comment, MODEL ai_analyze_sentiment, DESCRIPTOR(user_comment));
