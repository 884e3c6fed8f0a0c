-- Whether any actual of the document is dated within a month rather than at its end (2021-06-15):
-- only then can the status rules need a second look at the series (tz_indicator_status's
-- `within_month`). Every value ever recorded counts, withdrawn or not: a superset for any `known`.
SELECT EXISTS (
  SELECT 1 FROM actual a JOIN indicator i ON i.code = a.indicator_code
  WHERE i.document_id = $document AND a.series = 'actual' AND a.period <> last_day(a.period)
) AS within_month
