-- CAST('non-number' AS INT) written in a query, which the docs say throws and fails the job (source: Flink docs, Data Types, Casting, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/types/#casting) [corpus3; expectation from the Flink oracle]
SELECT CAST('non-number' AS INT);
