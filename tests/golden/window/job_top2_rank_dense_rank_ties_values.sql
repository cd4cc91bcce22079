-- top-2 prices with RANK keeps ties, DENSE_RANK beside it
CREATE TEMPORARY VIEW prices (shop, item, price) AS VALUES
  ('a', 'x', 5.0), ('a', 'y', 7.5), ('a', 'z', 7.5), ('a', 'w', 1.0),
  ('b', 'x', 3.0), ('b', 'q', 3.0), ('b', 'r', 2.0);
CREATE TEMPORARY TABLE out1 (shop STRING, item STRING, price DECIMAL(2, 1), rk BIGINT, drk BIGINT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT * FROM (
  SELECT shop, item, price,
         RANK() OVER (PARTITION BY shop ORDER BY price DESC) AS rk,
         DENSE_RANK() OVER (PARTITION BY shop ORDER BY price DESC) AS drk
  FROM prices
) WHERE rk <= 2
ORDER BY shop, rk, item;
