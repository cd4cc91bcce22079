-- LIKE with wildcards, ESCAPE, NOT LIKE and SIMILAR TO on product names
CREATE TEMPORARY VIEW p (name) AS VALUES ('gizmo, large'), ('widget_2'), ('widget2'), ('Gadget'), ('50% off');
CREATE TEMPORARY TABLE out1 (name STRING, l1 BOOLEAN, l2 BOOLEAN, l3 BOOLEAN, l4 BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT name, name LIKE 'widget_%', name LIKE 'widget\_%' ESCAPE '\', name NOT LIKE '%g%', name LIKE '%!%%' ESCAPE '!' FROM p;
