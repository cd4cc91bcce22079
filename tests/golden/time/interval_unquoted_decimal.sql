-- INTERVAL with an unquoted decimal: Flink refuses the cast
SELECT INTERVAL 1.5 SECOND;
