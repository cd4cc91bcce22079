-- JSON_OBJECT with KEY/VALUE incl. an ARRAY value, JSON_ARRAY, then JSON_ARRAYAGG of distinct values (source: ververica/flink-sql-cookbook other-builtin-functions/08_generate_json_from_data ; faker replaced by VALUES) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW clients (prefix, first_name, last_name, address) AS VALUES
  ('Dr.', 'Ann', 'Lee', ARRAY['1 Main St', '2 Side St']),
  ('Mr.', 'Bo', 'Chan', ARRAY['9 High St']),
  ('Dr.', 'Cy', 'Diaz', ARRAY['3 Low Rd', '4 Mid Rd', '5 Top Rd']);
CREATE TEMPORARY TABLE out1 (json_object STRING, json_array STRING) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out2 (prefixes STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT
 JSON_OBJECT(KEY 'First Name' VALUE first_name, KEY 'Last Name' VALUE last_name, KEY 'address' VALUE address) AS `json_object`,
 JSON_ARRAY(first_name, last_name) AS `json_array`
FROM clients;
INSERT INTO out2
SELECT JSON_ARRAYAGG(prefix)
  FROM (SELECT DISTINCT prefix FROM clients) t;
