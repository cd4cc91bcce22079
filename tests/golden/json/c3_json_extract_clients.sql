-- IS JSON, JSON_EXISTS, JSON_VALUE and JSON_QUERY with a wildcard path (source: ververica/flink-sql-cookbook other-builtin-functions/07_extract_data_from_json ; faker replaced by VALUES) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW clients (json_string) AS VALUES
  ('{"id": "a1", "full_name": "Ann Lee", "addresses": [{"address": "1 Main St"}, {"address": "2 Side St"}]}'),
  ('{"id": "b2", "full_name": "Bo Chan", "addresses": []}'),
  ('{"full_name": "No Id"}'),
  ('not json at all');
CREATE TEMPORARY TABLE out1 (is_json BOOLEAN, has_id BOOLEAN, full_name STRING, address STRING, original STRING) WITH ('connector' = 'print');
INSERT INTO out1
 SELECT
  json_string IS JSON as `Is JSON`,
  JSON_EXISTS(json_string, '$.id') as `Is id present`,
  JSON_VALUE(json_string, '$.full_name') as `Full Name`,
  JSON_QUERY(json_string, '$.addresses[*].address') as `Address`,
  json_string as `Original JSON`
 FROM clients;
