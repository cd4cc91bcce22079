-- EXPLAIN PLAN FOR of a filtered union, the plan text printed as a select group (source: Flink docs, SQL > EXPLAIN Statements, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/explain/ ; VALUES views instead of datagen tables) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW MyTable1 (count, word) AS VALUES (1, 'hello');
CREATE TEMPORARY VIEW MyTable2 (count, word) AS VALUES (2, 'flink');
EXPLAIN PLAN FOR
SELECT `count`, COUNT(word) FROM (
  SELECT `count`, word FROM MyTable1 WHERE word LIKE 'F%'
  UNION ALL
  SELECT `count`, word FROM MyTable2) tmp
GROUP BY `count`;
