-- CROSS JOIN UNNEST in a view, then joined to a lookup table (source: ververica/flink-sql-cookbook other-builtin-functions/05_expanding_arrays ; faker replaced by VALUES, the temporal join by a regular join) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW HarryPotter (`character`, spells) AS VALUES
  ('Harry', ARRAY['Expelliarmus', 'Lumos', 'Accio']),
  ('Hermione', ARRAY['Alohomora', 'Lumos']),
  ('Neville', CAST(ARRAY[] AS ARRAY<STRING>));
CREATE TEMPORARY VIEW Spells_Language (spells, spoken_language) AS VALUES
  ('Lumos', 'English'), ('Accio', 'Rune'), ('Alohomora', 'Mermish');
CREATE TEMPORARY VIEW `SpellsPerCharacter` AS
  SELECT `HarryPotter`.`character`, `SpellsTable`.`spell`
  FROM HarryPotter
  CROSS JOIN UNNEST(HarryPotter.spells) AS SpellsTable (spell);
CREATE TEMPORARY TABLE out1 (`character` STRING, spell STRING, spoken_language STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT
  `SpellsPerCharacter`.`character`,
  `SpellsPerCharacter`.`spell`,
  `Spells_Language`.`spoken_language`
FROM SpellsPerCharacter
JOIN Spells_Language
ON SpellsPerCharacter.spell = Spells_Language.spells
ORDER BY 1, 2;
