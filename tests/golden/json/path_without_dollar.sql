-- a JSON path without $ is read after '$.' (battery, a.b, [1], a[1], lax a), @.a as $.a; $a, empty, a leading blank, .a are errors (NULL)
CREATE TEMPORARY TABLE o (a STRING, b STRING, c STRING, d STRING, e STRING, f STRING, g STRING, h STRING, i STRING, j STRING, k STRING, l STRING) WITH ('connector' = 'print');
INSERT INTO o SELECT JSON_VALUE('{"battery":87}', 'battery'), JSON_VALUE('{"a":{"b":2}}', 'a.b'), JSON_VALUE('{"a":3}', '$a'),
 JSON_VALUE('{"a":3}', ''), JSON_VALUE('{"a":3}', 'lax a'), JSON_VALUE('{"a":3}', 'strict a'), JSON_VALUE('[5,6]', '[1]'),
 JSON_VALUE('{"a":[7,8]}', 'a[1]'), JSON_VALUE('{"a":3}', ' a'), JSON_VALUE('{"a":3}', '.a'), JSON_VALUE('{"a":3}', '@.a'), JSON_VALUE('3', 'x');
