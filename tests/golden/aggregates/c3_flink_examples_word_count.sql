-- word count over an inline VALUES table, `count` quoted (source: apache/flink flink-examples-table WordCountSQLExample, https://github.com/apache/flink/tree/master/flink-examples/flink-examples-table ; printed through a SELECT, ORDER BY added) [corpus3; expectation from the Flink oracle]
SELECT word, SUM(frequency) AS `count`
FROM (VALUES ('Hello', 1), ('Ciao', 1), ('Hello', 2)) AS WordTable(word, frequency)
GROUP BY word
ORDER BY word;
