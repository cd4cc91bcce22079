-- CROSS JOIN of a date spine with products to fill missing days with zero sales (LEFT JOIN + COALESCE)
CREATE TEMPORARY VIEW days(d) AS VALUES (DATE '2024-01-01'), (DATE '2024-01-02');
CREATE TEMPORARY VIEW products(p) AS VALUES ('x'), ('y');
CREATE TEMPORARY VIEW sales(d, p, n) AS VALUES (DATE '2024-01-01', 'x', 3), (DATE '2024-01-02', 'y', 4), (DATE '2024-01-02', 'y', 1);
CREATE TEMPORARY TABLE out1 (d DATE, p STRING, n INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT days.d, products.p, COALESCE(SUM(sales.n), 0)
FROM days CROSS JOIN products LEFT JOIN sales ON sales.d = days.d AND sales.p = products.p
GROUP BY days.d, products.p ORDER BY 1, 2;
