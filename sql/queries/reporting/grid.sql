-- Who owes which figure of a document, as of the month end $asof (one query): every period each
-- indicator must report for, from January to the as-of month, by its reporting rule (the latest
-- for the indicator, else the latest for its lead department, else monthly — a milestone once, for
-- its deadline's month — due on day $default_day of the month after the period); when it was due;
-- and whether a provincial value for it came in, as known at $known (committed, not withdrawn or
-- rejected by then — one waiting for approval has come in), with the first time one did.
-- State, against the reference day $ref (the as-of month end, or the day of $known if earlier):
--   reported  a value for the period came in;
--   not_due   nothing yet, and the due day has not passed;
--   late      overdue, and nothing for any later period has come in either (behind on reporting);
--   missing   overdue, but a later period has come in (this one was skipped: a gap in the series).
WITH indicator_rule AS (
  SELECT * FROM reporting_rule WHERE indicator_code IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY indicator_code ORDER BY set_at DESC, id DESC) = 1
),
department_rule AS (
  SELECT * FROM reporting_rule WHERE department IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY department ORDER BY set_at DESC, id DESC) = 1
),
indicators AS (
  SELECT i.code, i.name, i.kind, i.task_seq, i.position, tm.deadline, l.department,
    coalesce(ir.frequency, dr.frequency, CASE WHEN i.kind = 'milestone' THEN 'once' ELSE 'monthly' END) AS frequency,
    coalesce(ir.due_day, dr.due_day, $default_day) AS due_day,
    CASE WHEN ir.id IS NOT NULL THEN 'indicator' WHEN dr.id IS NOT NULL THEN 'department' ELSE 'default' END
      AS rule_from
  FROM indicator i
  -- The lead department owes the figure: the one the document names as lead, else the first named.
  -- A goal's indicator (发展目标) belongs to no task and so to no department: it owes nothing here.
  JOIN (
    SELECT td.document_id, td.task_seq, coalesce(t.lead, td.department) AS department
    FROM task_department td
    JOIN task t ON t.document_id = td.document_id AND t.seq = td.task_seq
    WHERE td.position = 1
  ) l ON l.document_id = i.document_id AND l.task_seq = i.task_seq
  -- The deadline in force for the as-of month, and whether the indicator was retired, as known
  -- then (sql/macros/35_terms.sql).
  JOIN tz_indicator_terms(CAST($known AS TIMESTAMPTZ), $document, [CAST($asof AS DATE)]) tm ON tm.code = i.code
  LEFT JOIN indicator_rule ir ON ir.indicator_code = i.code
  LEFT JOIN department_rule dr ON dr.department = l.department
  WHERE i.document_id = $document AND NOT tm.retired
),
months AS (
  SELECT last_day(make_date($year, CAST(m AS INTEGER), 1)) AS period FROM range(1, 13) r(m)
),
owed AS (
  SELECT x.*, m.period,
    make_date(year(m.period + INTERVAL 1 DAY), month(m.period + INTERVAL 1 DAY), x.due_day) AS due
  FROM indicators x
  JOIN months m ON m.period <= CAST($asof AS DATE) AND CASE x.frequency
      WHEN 'monthly' THEN true
      WHEN 'quarterly' THEN month(m.period) % 3 = 0
      WHEN 'half-yearly' THEN month(m.period) % 6 = 0
      WHEN 'annual' THEN month(m.period) = 12
      ELSE m.period = last_day(x.deadline)
    END
),
came AS (
  SELECT indicator_code, last_day(period) AS period, min(recorded_at) AS reported_at,
    bool_or(milestone_status = '已完成') AS done
  FROM tz_actual_history($document, NULL, regions := ['全省'])
  WHERE series = 'actual' AND region = '全省' AND recorded_at <= CAST($known AS TIMESTAMPTZ)
    AND (withdrawn_at IS NULL OR withdrawn_at > CAST($known AS TIMESTAMPTZ))
    AND NOT (review IS NOT DISTINCT FROM 'rejected' AND reviewed_at <= CAST($known AS TIMESTAMPTZ))
  GROUP BY indicator_code, last_day(period)
),
reported AS (
  -- A milestone reporting once has reported with any report for its deadline's month or later, or
  -- with an earlier report that it was done.
  SELECT o.code, o.period, min(c.reported_at) AS reported_at
  FROM owed o
  JOIN came c ON c.indicator_code = o.code
    AND (c.period = o.period OR (o.frequency = 'once' AND (c.period >= o.period OR c.done)))
  GROUP BY o.code, o.period
),
latest AS (
  SELECT indicator_code, max(period) AS last_period FROM came GROUP BY indicator_code
)
SELECT o.department, o.code, o.name, o.kind, o.task_seq, o.frequency, o.due_day, o.rule_from,
  strftime(o.period, '%Y-%m-%d') AS period, strftime(o.due, '%Y-%m-%d') AS due,
  CASE
    WHEN r.reported_at IS NOT NULL THEN 'reported'
    WHEN o.due >= CAST($ref AS DATE) THEN 'not_due'
    WHEN l.last_period > o.period THEN 'missing'
    ELSE 'late'
  END AS state,
  r.reported_at,
  strftime(l.last_period, '%Y-%m-%d') AS last_period,
  CASE WHEN r.reported_at IS NULL AND o.due < CAST($ref AS DATE) THEN date_diff('day', o.due, CAST($ref AS DATE)) END
    AS days_overdue
FROM owed o
LEFT JOIN reported r ON r.code = o.code AND r.period = o.period
LEFT JOIN latest l ON l.indicator_code = o.code
ORDER BY o.task_seq, o.position, o.period
