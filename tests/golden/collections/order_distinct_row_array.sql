-- DISTINCT of a ROW and of an ARRAY over tiny VALUES: sorted element by element, as Flink's sort aggregate sorts them
SELECT DISTINCT r FROM (VALUES (1, ROW(2, 'b')), (2, ROW(1, 'a')), (3, ROW(2, 'a')), (4, ROW(1, 'a'))) AS t(i, r);
SELECT r, COUNT(*) FROM (VALUES (1, ROW(2, 'b')), (2, ROW(1, 'a')), (3, ROW(2, 'a')), (4, ROW(1, 'a'))) AS t(i, r) GROUP BY r;
SELECT DISTINCT a FROM (VALUES (1, ARRAY[2, 1]), (2, ARRAY[1]), (3, ARRAY[1, 3]), (4, ARRAY[1])) AS t(i, a);
