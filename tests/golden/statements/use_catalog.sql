-- USE CATALOG and USE of the default database
USE CATALOG default_catalog;
USE default_database;
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1;
