-- an INSERT into a table with a VIRTUAL metadata column: the sink schema leaves it out
CREATE TABLE sink1 (id INT, fname STRING METADATA FROM 'file.name' VIRTUAL) WITH ('connector' = 'blackhole');
INSERT INTO sink1 SELECT 1;
