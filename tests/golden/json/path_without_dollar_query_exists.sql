-- paths without $ in JSON_QUERY and JSON_EXISTS; a blank inside a name, a wildcard, case matters
CREATE TEMPORARY TABLE o (a STRING, b STRING, c BOOLEAN, d BOOLEAN, e STRING, f STRING, g STRING, h STRING) WITH ('connector' = 'print');
INSERT INTO o SELECT JSON_QUERY('{"a":{"b":2}}', 'a'), JSON_QUERY('{"a":[1]}', 'lax a'), JSON_EXISTS('{"a":3}', 'a'), JSON_EXISTS('{"a":3}', 'b'),
 JSON_VALUE('{"a b":3}', 'a b'), JSON_VALUE('{"$a":3}', '$a'), JSON_VALUE('{"a":{"b":2}}', 'a.*'), JSON_VALUE('{"a":3}', 'A');
