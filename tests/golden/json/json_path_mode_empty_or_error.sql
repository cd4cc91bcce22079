-- JSON path modes: a path without a mode is strict (a missing member, a wrong kind and text that is no JSON are errors, for ON ERROR); in lax mode they are empty (for ON EMPTY)
CREATE TEMPORARY VIEW v(j) AS VALUES ('{"a":"x"}'), ('{}'), ('{"a":[1]}'), ('not json');
CREATE TEMPORARY TABLE out1 (j STRING, a STRING, b STRING, c STRING, d STRING, e STRING, f STRING, g STRING, h STRING, i STRING, k BOOLEAN, l BOOLEAN, m BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT j,
  JSON_VALUE(j, '$.a' ERROR ON EMPTY),
  JSON_VALUE(j, '$.a' DEFAULT 'de' ON EMPTY),
  JSON_VALUE(j, '$.a' DEFAULT 'dr' ON ERROR),
  JSON_VALUE(j, 'lax $.a' DEFAULT 'de' ON EMPTY),
  JSON_VALUE(j, 'lax $.a' DEFAULT 'dr' ON ERROR),
  JSON_VALUE(j, 'strict $.a' DEFAULT 'de' ON EMPTY DEFAULT 'dr' ON ERROR),
  JSON_QUERY(j, '$.a' EMPTY ARRAY ON EMPTY),
  JSON_QUERY(j, 'lax $.a' EMPTY ARRAY ON EMPTY),
  JSON_QUERY(j, '$.a' EMPTY OBJECT ON ERROR),
  JSON_EXISTS(j, 'lax $.a'),
  JSON_EXISTS(j, 'strict $.a' TRUE ON ERROR),
  JSON_EXISTS(j, '$.a' TRUE ON ERROR)
FROM v;
