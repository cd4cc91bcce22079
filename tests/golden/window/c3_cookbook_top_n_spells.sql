-- Top-2 spells per wizard over a nested GROUP BY count (source: ververica/flink-sql-cookbook aggregations-and-analytics/05_top_n/05_top_n.md ; faker replaced by VALUES, ORDER BY added) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW spells_cast (wizard, spell) AS VALUES
  ('Harry', 'Lumos'), ('Harry', 'Accio'), ('Harry', 'Lumos'), ('Harry', 'Stupefy'), ('Harry', 'Lumos'), ('Harry', 'Accio'),
  ('Ron', 'Wingardium'), ('Ron', 'Wingardium'), ('Ron', 'Lumos');
SELECT wizard, spell, times_cast
FROM (
    SELECT *,
    ROW_NUMBER() OVER (PARTITION BY wizard ORDER BY times_cast DESC) AS row_num
    FROM (SELECT wizard, spell, COUNT(*) AS times_cast FROM spells_cast GROUP BY wizard, spell)
)
WHERE row_num <= 2
ORDER BY wizard, times_cast DESC;
