-- a user's mistake: a view used by an INSERT above its definition
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT a FROM later_view;
CREATE TEMPORARY VIEW later_view (a) AS VALUES (1);
