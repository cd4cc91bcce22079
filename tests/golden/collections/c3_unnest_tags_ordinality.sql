-- array expansion with CROSS JOIN UNNEST ... WITH ORDINALITY (source: Flink docs, Queries > Joins, Array Expansion, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/queries/joins/ ; ordinality and LEFT JOIN variant added) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW Orders (order_id, tags) AS VALUES
  (1, ARRAY['new', 'gift']), (2, CAST(NULL AS ARRAY<STRING>)), (3, ARRAY['sale']);
SELECT order_id, tag, pos
FROM Orders CROSS JOIN UNNEST(tags) WITH ORDINALITY AS t (tag, pos)
ORDER BY order_id, pos;
SELECT order_id, tag
FROM Orders LEFT JOIN UNNEST(tags) AS t (tag) ON TRUE
ORDER BY order_id, tag;
