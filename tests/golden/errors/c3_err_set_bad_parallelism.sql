-- user mistake: SET 'parallelism.default' to a non-number before a query [corpus3; expectation from the Flink oracle]
SET 'parallelism.default' = 'two';
SELECT 1;
