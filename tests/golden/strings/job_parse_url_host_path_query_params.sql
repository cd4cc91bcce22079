-- PARSE_URL host, path and query parameter from click urls (alias not named ref, a reserved word)
CREATE TEMPORARY VIEW clicks (id, url) AS VALUES
  (1, 'https://shop.example.com/items/42?ref_=mail&utm=spring'),
  (2, 'http://example.org/?q=tea+green'),
  (3, 'not a url');
CREATE TEMPORARY TABLE out1 (id INT, host STRING, path STRING, ref_ STRING, q STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT id, PARSE_URL(url, 'HOST'), PARSE_URL(url, 'PATH'), PARSE_URL(url, 'QUERY', 'ref_'), PARSE_URL(url, 'QUERY', 'q')
FROM clicks;
