-- UNION, UNION ALL, INTERSECT, EXCEPT on the docs' collections views (source: Flink docs, Queries > Set Operations, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/queries/set-ops/ ; ORDER BY added) [corpus3; expectation from the Flink oracle]
create view collections1(s) as values ('c'), ('a'), ('b'), ('b'), ('c');
create view collections2(s) as values ('d'), ('e'), ('a'), ('b'), ('b');
SELECT s FROM ((SELECT s FROM collections1) UNION (SELECT s FROM collections2)) ORDER BY s;
SELECT s FROM ((SELECT s FROM collections1) UNION ALL (SELECT s FROM collections2)) ORDER BY s;
SELECT s FROM ((SELECT s FROM collections1) INTERSECT ALL (SELECT s FROM collections2)) ORDER BY s;
SELECT s FROM ((SELECT s FROM collections1) EXCEPT ALL (SELECT s FROM collections2)) ORDER BY s;
