-- Whether any actual of the document is dated within a month rather than at its end (2021-06-15):
-- only then can the status rules need a second look at the series (tz_indicator_status's
-- `within_month`). Every value ever recorded counts, withdrawn or not: a superset for any `known`.
-- Read from the periods each upload brought (upload_period), not from the values.
SELECT EXISTS (
  SELECT 1 FROM upload_period p JOIN indicator i ON i.code = p.indicator_code
  WHERE i.document_id = $document AND p.series = 'actual' AND p.period <> last_day(p.period)
) AS within_month
