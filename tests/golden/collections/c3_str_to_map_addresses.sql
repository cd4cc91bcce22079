-- STR_TO_MAP with custom delimiters built by || (source: ververica/flink-sql-cookbook other-builtin-functions/06_split_strings_into_maps ; faker replaced by VALUES, map values read back by key) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW customers (identifier, fullname, postal_address, residential_address) AS VALUES
  ('c-1', 'Ada Lovelace', '12 Byron Rd, London', '1 St James Sq, London'),
  ('c-2', 'Alan Turing', 'Bletchley Park, MK3', 'Wilmslow, Cheshire');
CREATE TEMPORARY TABLE out1 (identifier STRING, fullname STRING, postal STRING, residential STRING, n INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT identifier, fullname, addresses['postal_address'], addresses['residential_address'], CARDINALITY(addresses)
FROM (
  SELECT
    `identifier`,
    `fullname`,
    STR_TO_MAP('postal_address:' || postal_address || ';residential_address:' || residential_address,';',':') AS `addresses`
  FROM `customers`);
