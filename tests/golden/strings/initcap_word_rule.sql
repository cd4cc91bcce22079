-- INITCAP's words are runs of ASCII letters and digits: a digit starts a word without capitalising it, any other character (non-ASCII letters included) separates words and is kept as written
CREATE TEMPORARY VIEW v(s) AS VALUES ('ünïcode thing'), ('3rd 4TH a1b2 x9y'), ('hello.world,foo;bar'), ('ÉCOLE élan'), ('tab	sep  two'), ('a-b_c''d'), ('ABC DEF');
CREATE TEMPORARY TABLE out1 (s STRING, i STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT s, INITCAP(s) FROM v;
