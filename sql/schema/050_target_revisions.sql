-- Corrections become target revisions (目标调整): each has the date it takes effect (valid time;
-- NULL: from the start, as every earlier correction) and the document or decision that made it.
-- With the recording time they already have, targets are bitemporal: the target in force for a
-- period, as known at a time, is the latest revision effective by then and recorded by then.
ALTER TABLE indicator_correction ADD COLUMN effective DATE;
ALTER TABLE indicator_correction ADD COLUMN source VARCHAR;
