-- user mistake: ML_PREDICT naming a model that was never created [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW tickets (id, body) AS VALUES (1, 'I was charged twice');
SELECT id, content FROM ML_PREDICT(TABLE tickets, MODEL classifer, DESCRIPTOR(body));
