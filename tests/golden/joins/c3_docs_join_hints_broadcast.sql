-- join hints BROADCAST and SHUFFLE_HASH on an inner equi-join (source: Flink docs, Queries > Hints, Join Hints, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/queries/hints/ ; VALUES views instead of tables, ORDER BY added) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW t1 (id, name) AS VALUES (1, 'a'), (2, 'b'), (3, 'c');
CREATE TEMPORARY VIEW t2 (id, age) AS VALUES (1, 10), (3, 30), (4, 40);
SELECT /*+ BROADCAST(t1) */ t1.id, t1.name, t2.age FROM t1 JOIN t2 ON t1.id = t2.id ORDER BY t1.id;
SELECT /*+ SHUFFLE_HASH(t2) */ t1.id, t2.age FROM t1 LEFT JOIN t2 ON t1.id = t2.id ORDER BY t1.id;
