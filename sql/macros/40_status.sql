-- Every indicator of a document as of each month end of `asofs` (a list of DATEs), as known at
-- `known`, for each region of `regions` (a list): one row per month, indicator and region, with the
-- cumulative actual, completion, expected pace, status and a run-rate forecast. The rules for pace
-- and status live here, in one place; the thresholds come in as arguments (`behind`, `far_behind`:
-- how far completion may fall under pace; `stale_months`: how old the latest report may be before
-- the indicator counts as not reported; `pending`: count values waiting for approval too, of the
-- indicators of `pending_scope`'s departments, or all when NULL). A list of months makes the
-- status history one query. `every_region := true` says `regions` is every region with values (the
-- by-region snapshot): values are then read without testing each one's region against thousands.
-- `codes`: only those indicators (NULL: all). `within_month := false` says no actual of the document
-- is dated within a month (every period a month end, as the import writes months): see `deeper`.
CREATE OR REPLACE MACRO tz_indicator_status(known, document, regions, asofs, behind, far_behind, stale_months, pending := false, pending_scope := NULL, codes := NULL, every_region := false, within_month := true) AS TABLE
WITH months AS (
  -- With each month, the month ends three, four and five months before it (see latest_month_ends).
  SELECT as_of, last_day(as_of - INTERVAL 3 MONTH) AS before3, last_day(as_of - INTERVAL 4 MONTH) AS before4,
    last_day(as_of - INTERVAL 5 MONTH) AS before5
  FROM (SELECT DISTINCT CAST(unnest(asofs) AS DATE) AS as_of)
),
series AS (
  SELECT m.as_of, m.before3, m.before4, m.before5, s.*
  FROM tz_cumulative_regions(known, document, CASE WHEN every_region THEN NULL ELSE regions END,
    pending := pending, pending_scope := pending_scope, codes := codes) s
  -- An annual target (每年) is judged on its as-of year's figures only: each year starts at zero.
  JOIN months m ON s.period <= m.as_of AND (s.cycle IS NULL OR s.cycle = year(m.as_of))
),
-- One grouped pass over the series per month, indicator and region (a window, or a join, per
-- figure read the millions of values of a document again for each): the latest actual, the latest
-- plan, when a milestone was first done, and the actual three months before the latest one (for the
-- recent run rate). Each aggregate reads the actuals by their period as the key (`actual_period`,
-- NULL for a plan, which the aggregates skip), the plan by its own: a FILTER clause per aggregate
-- cost a quarter of the pass.
-- With reports dated within the month (`within_month`), the value three months before the latest is
-- among the latest four — periods are distinct dates, and month ends put at most three in the three
-- months — unless four or more fall there: `deeper` looks those few up in the series.
figures AS (
  SELECT as_of, indicator_code, region,
    max(actual_period) AS last_period,
    arg_max_null(cumulative, actual_period) AS last_cumulative,
    arg_max_null(reported, actual_period) AS last_reported,
    arg_max_null(milestone_status, actual_period) AS milestone_status,
    arg_max_null(cumulative, CASE WHEN series = 'plan' THEN period END) AS planned,
    min(CASE WHEN milestone_status = '已完成' THEN actual_period END) AS done_period,
    max(actual_period, 4) AS recent_periods,
    max_by(cumulative, actual_period, 4) AS recent_cumulatives
  FROM (SELECT *, CASE WHEN series = 'actual' THEN period END AS actual_period FROM series)
  WHERE within_month
  GROUP BY as_of, indicator_code, region
),
three_before AS (
  SELECT f.*, last_day(f.last_period - INTERVAL 3 MONTH) AS three_months_before,
    list_position(list_transform(f.recent_periods, x -> x <= last_day(f.last_period - INTERVAL 3 MONTH)), true) AS earlier_at,
    len(f.recent_periods) = 4 AND f.recent_periods[4] > last_day(f.last_period - INTERVAL 3 MONTH) AS deeper
  FROM figures f
),
deeper AS (
  SELECT s.as_of, s.indicator_code, s.region, max(s.period) AS period, arg_max(s.cumulative, s.period) AS cumulative
  FROM series s
  JOIN three_before t ON t.deeper AND t.as_of = s.as_of AND t.indicator_code = s.indicator_code AND t.region = s.region
  WHERE within_month AND s.series = 'actual' AND s.period <= t.three_months_before
  GROUP BY s.as_of, s.indicator_code, s.region
),
-- The same rule as latest_month_ends: a series not reported for three months has no recent rate.
latest_within_month AS (
  SELECT t.* EXCLUDE (recent_periods, recent_cumulatives, three_months_before, earlier_at, deeper),
    CASE WHEN date_diff('month', t.last_period, t.as_of) <= 2
      THEN coalesce(d.period, t.recent_periods[t.earlier_at]) END AS earlier_period,
    CASE WHEN date_diff('month', t.last_period, t.as_of) <= 2
      THEN coalesce(d.cumulative, t.recent_cumulatives[t.earlier_at]) END AS earlier_cumulative
  FROM three_before t
  LEFT JOIN deeper d ON d.as_of = t.as_of AND d.indicator_code = t.indicator_code AND d.region = t.region
),
-- With month ends only (`within_month` false, as the import writes months), a latest report of the
-- as-of month or of one or two months before it has its value three months earlier found by the
-- latest report at or before a fixed month end (before3, before4 or before5): plain aggregates, where
-- the latest four periods and values (two heaps a key) cost a fifth of the by-region snapshot and
-- most of its memory. A series whose latest report is older than that (not reported for three
-- months) has no recent run rate: its rate is the year's average.
latest_month_ends AS (
  SELECT as_of, indicator_code, region, last_period, last_cumulative, last_reported, milestone_status, planned,
    done_period,
    CASE date_diff('month', last_period, as_of) WHEN 0 THEN p3 WHEN 1 THEN p4 WHEN 2 THEN p5 END AS earlier_period,
    CASE date_diff('month', last_period, as_of) WHEN 0 THEN c3 WHEN 1 THEN c4 WHEN 2 THEN c5 END AS earlier_cumulative
  FROM (
    SELECT as_of, indicator_code, region,
      max(actual_period) AS last_period,
      arg_max_null(cumulative, actual_period) AS last_cumulative,
      arg_max_null(reported, actual_period) AS last_reported,
      arg_max_null(milestone_status, actual_period) AS milestone_status,
      arg_max_null(cumulative, CASE WHEN series = 'plan' THEN period END) AS planned,
      min(CASE WHEN milestone_status = '已完成' THEN actual_period END) AS done_period,
      max(CASE WHEN actual_period <= before3 THEN actual_period END) AS p3,
      arg_max_null(cumulative, CASE WHEN actual_period <= before3 THEN actual_period END) AS c3,
      max(CASE WHEN actual_period <= before4 THEN actual_period END) AS p4,
      arg_max_null(cumulative, CASE WHEN actual_period <= before4 THEN actual_period END) AS c4,
      max(CASE WHEN actual_period <= before5 THEN actual_period END) AS p5,
      arg_max_null(cumulative, CASE WHEN actual_period <= before5 THEN actual_period END) AS c5
    FROM (SELECT *, CASE WHEN series = 'actual' THEN period END AS actual_period FROM series)
    WHERE NOT within_month
    GROUP BY as_of, indicator_code, region
  )
),
latest AS (
  SELECT * FROM latest_within_month
  UNION ALL BY NAME
  SELECT * FROM latest_month_ends
),
measured AS (
  SELECT m.as_of, rg.region, i.code, i.name, i.kind, i.task_seq, i.goal_no, i.position,
    -- A region is measured against its own target where one was set (目标分解). Without one, a count
    -- (30 bus lines, 3.6万 people) has no target there: a city's share of the province's total is no
    -- completion, so it gets no status (the regions page shows its share of the province's figure).
    -- A rate, a level or a milestone applies to every region as it does to the province.
    CASE
      WHEN rg.region <> '全省' AND rt.target IS NOT NULL THEN rt.target
      WHEN rg.region <> '全省' AND i.kind = 'count' THEN NULL
      ELSE tm.target
    END AS target,
    CASE
      WHEN rg.region = '全省' THEN 'document'
      WHEN rt.target IS NOT NULL THEN 'regional'
      WHEN i.kind = 'count' THEN 'none'
      ELSE 'province'
    END AS target_from,
    tm.unit, i.comparator,
    -- An annual target is due at the end of each year of its span (每年…到2025年: December 2023 in 2023).
    CASE WHEN i.recurrence = 'annual' THEN least(tm.deadline, make_date(year(m.as_of), 12, 31)) ELSE tm.deadline END
      AS deadline,
    d.year, l.last_period, l.milestone_status, l.done_period,
    -- Counts accumulate; a level or a coverage is the latest value as reported.
    CASE WHEN i.kind = 'count' THEN l.last_cumulative ELSE l.last_reported END AS actual,
    -- Months elapsed from the start of the document's year (an annual target's: of the as-of year)
    -- to the as-of month, and to the deadline (which may lie years ahead: 到2025年底).
    greatest(date_diff('month', make_date(CASE WHEN i.recurrence = 'annual' THEN year(m.as_of) ELSE d.year END, 1, 1),
      m.as_of) + 1, 0) AS months_elapsed,
    greatest(date_diff('month', make_date(CASE WHEN i.recurrence = 'annual' THEN year(m.as_of) ELSE d.year END, 1, 1),
      CASE WHEN i.recurrence = 'annual' THEN least(tm.deadline, make_date(year(m.as_of), 12, 31)) ELSE tm.deadline END)
      + 1, 1) AS months_due,
    l.planned,
    CASE WHEN l.earlier_period IS NOT NULL
      THEN (l.last_cumulative - l.earlier_cumulative) / greatest(date_diff('month', l.earlier_period, l.last_period), 1)
      WHEN l.last_period IS NOT NULL THEN l.last_cumulative / greatest(month(l.last_period), 1)
    END AS monthly_rate,
    l.earlier_period IS NOT NULL AS rate_from_three_months
  FROM indicator i
  JOIN document d ON d.id = i.document_id
  CROSS JOIN months m
  -- The target, unit and deadline in force that month, as known then (sql/macros/35_terms.sql).
  JOIN tz_indicator_terms(known, document, asofs) tm ON tm.code = i.code AND tm.as_of = m.as_of
  CROSS JOIN (SELECT unnest(regions) AS region) rg
  LEFT JOIN tz_regional_targets(known, document, asofs) rt
    ON rt.as_of = m.as_of AND rt.code = i.code AND rt.region = rg.region
  LEFT JOIN latest l ON l.as_of = m.as_of AND l.indicator_code = i.code AND l.region = rg.region
  WHERE i.document_id = document AND NOT tm.retired AND (codes IS NULL OR list_contains(codes, i.code))
),
rated AS (
  SELECT m.*,
    CASE
      WHEN m.kind = 'milestone' THEN CASE m.milestone_status WHEN '已完成' THEN 1.0 WHEN '进行中' THEN 0.5 ELSE 0.0 END
      WHEN m.actual IS NULL OR m.target IS NULL OR m.target = 0 THEN NULL
      ELSE m.actual / m.target
    END AS completion,
    CASE
      -- A rate to keep or to grow by has no path through the year: it is judged as it stands.
      WHEN m.kind IN ('level', 'growth') THEN 1.0
      WHEN m.planned IS NOT NULL AND m.target > 0 THEN least(m.planned / m.target, 1.0)
      ELSE least(m.months_elapsed / m.months_due, 1.0)
    END AS pace,
    m.planned IS NOT NULL AS pace_from_plan,
    m.as_of >= m.deadline AS deadline_passed,
    -- Met: at least the target (约 allows 5% short, 不超过 means staying under it). A growth rate
    -- 增长6% is met at 6% or more, a decline 下降3% (target -3) at -3% or less.
    CASE
      WHEN m.kind = 'milestone' THEN m.milestone_status = '已完成'
      WHEN m.actual IS NULL THEN false
      WHEN m.kind = 'growth' AND m.comparator IN ('=', '~') THEN
        CASE WHEN m.target >= 0 THEN m.actual >= (CASE m.comparator WHEN '~' THEN 0.95 ELSE 1 END) * m.target
             ELSE m.actual <= (CASE m.comparator WHEN '~' THEN 0.95 ELSE 1 END) * m.target END
      WHEN m.comparator = '<=' THEN m.actual <= m.target
      WHEN m.comparator = '~' THEN m.actual >= 0.95 * m.target
      ELSE m.actual >= m.target
    END AS met,
    m.last_period IS NULL OR m.last_period < last_day(m.as_of - to_months(stale_months)) AS stale
  FROM measured m
)
SELECT r.as_of, r.region, r.code, r.name, r.kind, r.task_seq, r.goal_no, r.position, r.target, r.target_from, r.unit, r.comparator,
  r.deadline, r.actual, r.last_period, r.milestone_status, r.done_period,
  r.completion, r.pace, r.pace_from_plan,
  -- One staleness rule for every kind: what has not been reported for the month or the one before
  -- is 未报送 — unless it is a total already reached for good (a count, a coverage, a milestone
  -- done: they cannot fall back). A rate (level, growth) is 已完成 only when reported met at its deadline.
  CASE
    -- A region's count without a target of its own: measured by its share, not judged.
    WHEN r.target_from = 'none' THEN NULL
    WHEN r.met AND r.kind NOT IN ('level', 'growth') THEN '已完成'
    WHEN r.stale THEN '未报送'
    WHEN r.met AND r.deadline_passed THEN '已完成'
    WHEN r.kind IN ('level', 'growth') AND r.met THEN '正常'
    WHEN r.kind IN ('level', 'growth') THEN CASE WHEN r.completion < 1 - far_behind THEN '严重滞后' ELSE '滞后' END
    WHEN r.deadline_passed THEN '严重滞后'
    WHEN r.kind = 'milestone' THEN CASE WHEN r.milestone_status = '未开始' AND r.pace >= 0.5 THEN '滞后' ELSE '正常' END
    WHEN r.comparator = '<=' THEN '正常'
    WHEN r.completion < r.pace - far_behind THEN '严重滞后'
    WHEN r.completion < r.pace - behind THEN '滞后'
    ELSE '正常'
  END AS status,
  -- Forecast for counts: the value at the deadline at the recent monthly rate, and the month the
  -- target is reached at that rate (NULL when already met or not moving).
  CASE WHEN r.kind = 'count' AND r.monthly_rate IS NOT NULL
    THEN r.actual + r.monthly_rate * greatest(date_diff('month', r.last_period, r.deadline), 0) END AS forecast,
  CASE WHEN r.kind = 'count' AND NOT r.met AND r.monthly_rate > 0
    THEN last_day(r.last_period + to_months(CAST(ceil((r.target - r.actual) / r.monthly_rate) AS INTEGER)))
  END AS forecast_done,
  r.rate_from_three_months
FROM rated r;
