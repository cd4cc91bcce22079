-- Aggregates over a call of constants that is computed per row (TO_TIMESTAMP('...'), TO_DATE, UUID(), RAND()): one value for each row of the group
CREATE TABLE emp (id INT, dept STRING, name STRING, sal INT) WITH ('connector'='filesystem','path'='order_emp.csv','format'='csv','csv.null-literal'='');
SELECT dept, MAX(TO_TIMESTAMP('2024-01-01 00:00:00')) AS m, MIN(TO_TIMESTAMP('2024-01-01 00:00:00', 'yyyy-MM-dd HH:mm:ss')) AS n, COUNT(TO_DATE('2024-01-01')) AS c FROM emp GROUP BY dept ORDER BY dept;
SELECT MAX(TO_TIMESTAMP('2024-01-01 00:00:00')), COUNT(TO_DATE('2024-01-01')), SUM(CHAR_LENGTH(UUID())), COUNT(RAND()), SUM(CHAR_LENGTH('abc')) FROM (VALUES (1), (2)) AS t(x);
