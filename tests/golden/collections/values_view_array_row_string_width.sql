-- A view over VALUES of ARRAY<ROW<INT, STRING>> whose string literals differ in length keeps each string whole (the rows' types meet field by field as VARCHAR of the longest)
CREATE TEMPORARY VIEW T(a, b) AS VALUES
  (1, ARRAY[ROW(12, '45.6'), ROW(12, '45.612')]),
  (2, ARRAY[ROW(13, '41.6'), ROW(14, '45.2136')]),
  (3, ARRAY[ROW(18, '42.6')]);

SELECT a, s, t, CONCAT('[', t, ']') AS bracketed FROM T, UNNEST(T.b) AS A (s, t);
