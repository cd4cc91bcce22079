-- CTAS without a WITH clause: no connector
CREATE TABLE t AS SELECT 1 AS a;
