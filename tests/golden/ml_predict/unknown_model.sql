-- ML_PREDICT with a model that was never created
CREATE TEMPORARY VIEW reviews(id, review) AS VALUES (1, 'wonderful');
CREATE TEMPORARY TABLE out1 (id INT, label STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, content FROM ML_PREDICT(TABLE reviews, MODEL nope, DESCRIPTOR(review));
-- golden: expect-message (Flink's message must appear in ours)
