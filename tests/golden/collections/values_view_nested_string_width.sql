-- A view over VALUES rows whose ARRAY, ROW and MAP strings differ in length: none is cut or padded
CREATE TEMPORARY VIEW T(a, arr, r, m) AS VALUES
  (1, ARRAY['ab', 'abcd'], ROW('ab', 1), MAP['k', 'ab']),
  (2, ARRAY['abcdef'], ROW('abcdef', 2), MAP['kk', 'abcdef']);

SELECT a, arr, CONCAT('[', arr[1], ']') AS first_elem, r, CONCAT('[', r.EXPR$0, ']') AS field, m FROM T ORDER BY a;
