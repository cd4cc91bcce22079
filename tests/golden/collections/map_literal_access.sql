-- MAP[...] values and map['key'] access, missing key is NULL
CREATE TEMPORARY TABLE out1 (m MAP<STRING, INT>, v INT, missing INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT MAP['a', 1], MAP['a', 1, 'b', 2]['b'], MAP['a', 1]['z'];
