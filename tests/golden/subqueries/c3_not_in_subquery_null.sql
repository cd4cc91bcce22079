-- NOT IN against a subquery that yields a NULL: no row passes; NOT EXISTS keeps them [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW a (id) AS VALUES (1), (2), (3);
CREATE TEMPORARY VIEW b (id) AS VALUES (2), (CAST(NULL AS INT));
SELECT id FROM a WHERE id NOT IN (SELECT id FROM b);
SELECT id FROM a WHERE NOT EXISTS (SELECT 1 FROM b WHERE b.id = a.id) ORDER BY id;
