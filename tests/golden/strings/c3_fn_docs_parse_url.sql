-- PARSE_URL examples of the docs: HOST, QUERY with a key, REF, PROTOCOL, FILE (source: Flink docs, System (Built-in) Functions, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/functions/systemfunctions/) [corpus3; expectation from the Flink oracle]
SELECT PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'HOST'),
       PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'QUERY', 'k1'),
       PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'QUERY'),
       PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'REF'),
       PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'PROTOCOL'),
       PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'FILE');
