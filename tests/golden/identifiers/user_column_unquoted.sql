-- a column named user, referenced unquoted: Flink resolves the column
CREATE TEMPORARY VIEW logins(`user`) AS VALUES ('a');
CREATE TEMPORARY TABLE out1 (u STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT user FROM logins;
