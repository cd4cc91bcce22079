-- DISTINCT over a 4-row json file: Flink does not know its count, a hash aggregate
CREATE TABLE j (id INT, k STRING) WITH ('connector'='filesystem','path'='order_j4.json','format'='json');
SELECT DISTINCT k FROM j;
