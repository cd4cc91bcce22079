-- ML_PREDICT over a filtered CTE-built view, output column renamed, only short texts sent, LIMIT on the result (source: Ververica docs, ML_PREDICT, https://docs.ververica.com/docs/reference/ai-capabilities/ml-predict ; endpoint pointed at the simulator) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY MODEL ai_analyze_sentiment
INPUT (input STRING)
OUTPUT (content STRING)
WITH (
    'provider' = 'openai',
    'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
    'api-key' = 'sk-simulator',
    'model' = 'qwen-plus',
    'system-prompt' = 'Classify the text below into one of the following labels: [positive, negative, neutral, mixed]. Output only the label.'
);
CREATE TEMPORARY VIEW movie_comment(id, movie_name, user_comment, actual_label) AS VALUES
  (1, 'Her Story', 'My favourite part was when the kid guessed the sounds. It was romantic, heartwarming, and loving.', 'POSITIVE'),
  (2, 'The Dumpling Queen', 'Nothing special.', 'NEGATIVE'),
  (3, 'Long One', 'x', 'NEUTRAL');
CREATE TEMPORARY VIEW short_comments AS SELECT id, movie_name, user_comment FROM movie_comment WHERE CHAR_LENGTH(user_comment) > 1;
SELECT id, movie_name, content AS predicted
FROM ML_PREDICT(TABLE short_comments, MODEL ai_analyze_sentiment, DESCRIPTOR(user_comment))
ORDER BY id
LIMIT 5;
