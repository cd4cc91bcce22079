-- JSON_OBJECTAGG over a grouped count filtered by cnt > 1 (source: ververica/flink-sql-cookbook other-builtin-functions/08_generate_json_from_data ; faker replaced by VALUES) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW clients (prefix, first_name) AS VALUES
  ('Dr.', 'Ann'), ('Mr.', 'Bo'), ('Dr.', 'Cy'), ('Ms.', 'Di'), ('Ms.', 'Ed'), ('Dr.', 'Fa');
SELECT JSON_OBJECTAGG(KEY prefix VALUE cnt)
  FROM (SELECT prefix, COUNT(1) cnt FROM clients GROUP BY prefix) t WHERE cnt > 1;
