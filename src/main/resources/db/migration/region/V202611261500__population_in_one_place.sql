-- region: a municipality's population lives only in region.population (the reference file's figure is its first
-- row there, copied by V202611261300); two copies could disagree.
ALTER TABLE region.municipalities DROP COLUMN population, DROP COLUMN population_year;
