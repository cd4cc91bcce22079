-- CSDN "Flink SQL TopN" (blog.csdn.net/lck_csdn/article/details/132315598), the user mistake the post warns about: reserved word `date` left unquoted [corpus4; expectation from the Flink oracle]
CREATE TEMPORARY VIEW table_name(`date`, dataType, id) AS VALUES ('2024-01-01', 'a', 3), ('2024-01-02', 'a', 1);
SELECT date,dataType,id
FROM (
   SELECT date,dataType,id,
     ROW_NUMBER() OVER (PARTITION BY dataType ORDER BY id ) AS rownum
   FROM table_name)
WHERE rownum <= 10;
