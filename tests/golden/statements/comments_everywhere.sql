-- line and block comments between and inside statements
/* a block comment
   over two lines */
CREATE TEMPORARY TABLE out1 (x INT, -- the value
  y STRING /* inline */) WITH ('connector' = 'print');
-- a comment line
INSERT INTO out1 SELECT 1, 'a' -- trailing
;
