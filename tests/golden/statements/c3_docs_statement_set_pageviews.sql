-- EXECUTE STATEMENT SET with two INSERTs from one source, one filtered (source: Flink docs, SQL > INSERT Statement, Insert into multiple tables, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/insert/ ; VALUES and print tables) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW page_view_source (`user`, page, cnt) AS VALUES ('ann', '/a', 3), ('bo', '/b', 5), ('cy', '/a', 1);
CREATE TABLE pageviews (`user` STRING, cnt INT) WITH ('connector' = 'print');
CREATE TABLE uniqueview (page STRING, cnt BIGINT) WITH ('connector' = 'print');
EXECUTE STATEMENT SET
BEGIN
  INSERT INTO pageviews SELECT `user`, cnt FROM page_view_source WHERE cnt > 1;
  INSERT INTO uniqueview SELECT page, COUNT(DISTINCT `user`) FROM page_view_source GROUP BY page ORDER BY page;
END;
