-- JSON nested 100000 deep is bad JSON: JSON_VALUE gives NULL
SELECT JSON_VALUE('{"a":' || REPEAT('[', 100000), '$.a');
