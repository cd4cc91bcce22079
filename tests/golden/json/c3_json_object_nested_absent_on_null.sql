-- JSON_OBJECT nested with JSON_ARRAY, NULL ON NULL vs ABSENT ON NULL, JSON_STRING of values [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW t (id, name, score) AS VALUES (1, 'ann', 9.5), (2, CAST(NULL AS STRING), CAST(NULL AS DECIMAL(2, 1)));
SELECT JSON_OBJECT('id' VALUE id, 'name' VALUE name NULL ON NULL),
       JSON_OBJECT('id' VALUE id, 'name' VALUE name ABSENT ON NULL),
       JSON_OBJECT('tags' VALUE JSON_ARRAY('x', id), 'meta' VALUE JSON_OBJECT('score' VALUE score)),
       JSON_STRING(name), JSON_STRING(id)
FROM t ORDER BY id;
