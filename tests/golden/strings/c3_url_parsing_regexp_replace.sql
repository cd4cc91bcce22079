-- web log cleaning: PARSE_URL for host, path and query key, REGEXP_REPLACE to mask ids, REGEXP to filter [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW logs (url) AS VALUES
  ('https://shop.example.com/item/12345?ref=mail&uid=77'),
  ('http://example.org/search?q=flink+sql'),
  ('ftp://files.example.net/pub/readme.txt');
SELECT PARSE_URL(url, 'HOST') AS host,
       REGEXP_REPLACE(PARSE_URL(url, 'PATH'), '[0-9]+', '#') AS path,
       PARSE_URL(url, 'QUERY', 'ref') AS ref,
       url REGEXP '^https?://' AS is_web
FROM logs;
