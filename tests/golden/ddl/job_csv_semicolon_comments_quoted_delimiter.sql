-- csv with a ';' delimiter, a comment line skipped by 'csv.allow-comments', and quoted fields holding the delimiter
CREATE TABLE shipments (id INT, shipped DATE, dest STRING, kg DOUBLE)
  WITH ('connector' = 'filesystem', 'path' = 'shop_shipments.csv', 'format' = 'csv', 'csv.field-delimiter' = ';', 'csv.allow-comments' = 'true');
CREATE TEMPORARY TABLE out1 (id INT, shipped DATE, dest STRING, kg DOUBLE, heavy BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, shipped, dest, kg, kg > 10 FROM shipments ORDER BY id;
