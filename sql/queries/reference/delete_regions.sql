-- Regions are reference data from seeds/regions.csv, replaced whole at start.
DELETE FROM region; DELETE FROM region_alias
