-- INSERT with a partial column list into a sink: missing columns become NULL (source: Flink docs, SQL > INSERT Statement, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/insert/ ; partitioned Hive table replaced by print) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW page_view_source (`user`, cnt) AS VALUES ('ann', 3), ('bo', 5);
CREATE TABLE country_page_view (`user` STRING, cnt INT, `date` STRING, country STRING) WITH ('connector' = 'print');
INSERT INTO country_page_view (`user`, cnt) SELECT `user`, cnt FROM page_view_source;
