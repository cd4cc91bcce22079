-- an unknown value for 'table.exec.sink.not-null-enforcer'
SET 'table.exec.sink.not-null-enforcer' = 'IGNORE';
CREATE TEMPORARY TABLE out1 (id INT NOT NULL) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1;
