-- 目标分解: a revision may set an indicator's target for one region (长春市 8 of the province's 30
-- bus lines), with the same effective date, source and recording time as any revision. NULL: the
-- province's own target, as every revision before.
ALTER TABLE indicator_correction ADD COLUMN region VARCHAR;
