-- TO_DATE of a string that does not match its format: NULL (Flink 2.3 gives a garbage date, 5471-09-27)
SELECT TO_DATE('05/02/2023', 'yyyy-MM-dd') AS d, TO_DATE('2023-13-45') AS e, TO_DATE('abc') AS f;
