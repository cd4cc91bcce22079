-- LIKE with an untyped NULL pattern is refused, as Flink refuses it; a typed NULL gives NULL
SELECT 'a' LIKE NULL;
