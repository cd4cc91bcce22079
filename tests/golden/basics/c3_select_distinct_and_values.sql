-- SELECT DISTINCT and a bare VALUES table with column aliases (source: Flink docs, Queries > SELECT & WHERE / SELECT DISTINCT, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/queries/select/ , https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/queries/select-distinct/) [corpus3; expectation from the Flink oracle]
SELECT * FROM (VALUES (1, 2, 'hello')) AS t(a, b, c);
SELECT DISTINCT id FROM (VALUES (3), (1), (3), (2), (1)) AS Orders(id) ORDER BY id;
SELECT a + b AS s, UPPER(c) FROM (VALUES (1, 2, 'hello'), (5, -5, 'World')) AS t(a, b, c) WHERE a + b > 0;
