-- Reported values and the uploads that brought them. Facts are append-only: a value is never
-- updated or deleted. Which value counts is derived (the latest recorded one whose upload was not
-- withdrawn as of the time asked about), so any past view can be reproduced exactly.

CREATE TABLE region (
  name VARCHAR PRIMARY KEY,
  parent VARCHAR,
  level VARCHAR NOT NULL CHECK (level IN ('province', 'prefecture', 'county')),
  position INTEGER NOT NULL
);

CREATE TABLE region_alias (
  alias VARCHAR PRIMARY KEY,
  region VARCHAR NOT NULL
);

CREATE SEQUENCE upload_id_seq START 1;

CREATE TABLE upload (
  id BIGINT PRIMARY KEY,
  file_name VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  -- utf-8 | utf-8-bom | gb18030 | form (entered on a page)
  encoding VARCHAR NOT NULL,
  -- long | wide | form
  format VARCHAR NOT NULL,
  rows_read INTEGER NOT NULL,
  rows_new INTEGER NOT NULL,
  rows_revised INTEGER NOT NULL,
  rows_unchanged INTEGER NOT NULL,
  rows_blank INTEGER NOT NULL,
  errors INTEGER NOT NULL,
  warnings INTEGER NOT NULL,
  -- A rejected upload keeps its record and its problems, and writes no value.
  status VARCHAR NOT NULL CHECK (status IN ('committed', 'rejected')),
  uploaded_by VARCHAR NOT NULL,
  uploaded_at TIMESTAMPTZ NOT NULL
);

-- Withdrawal (撤回) is an event recorded beside the upload; its values stay in the history.
CREATE TABLE upload_withdrawal (
  upload_id BIGINT PRIMARY KEY,
  withdrawn_at TIMESTAMPTZ NOT NULL,
  withdrawn_by VARCHAR NOT NULL,
  reason VARCHAR
);

CREATE TABLE upload_problem (
  upload_id BIGINT NOT NULL,
  line INTEGER,
  column_name VARCHAR,
  severity VARCHAR NOT NULL CHECK (severity IN ('error', 'warning')),
  code VARCHAR NOT NULL,
  message VARCHAR NOT NULL,
  found VARCHAR
);

CREATE TABLE actual (
  indicator_code VARCHAR NOT NULL,
  region VARCHAR NOT NULL,
  -- The period the value is for: month end for monthly data.
  period DATE NOT NULL,
  -- actual: what happened; plan: a monthly plan (分月计划) the pace follows instead of a straight line.
  series VARCHAR NOT NULL CHECK (series IN ('actual', 'plan')),
  -- The number as reported (null for a milestone report that gives only a status).
  value DOUBLE,
  -- cumulative: year to date (累计); increment: this period only (当月).
  basis VARCHAR NOT NULL CHECK (basis IN ('cumulative', 'increment')),
  -- Milestones: 未开始 | 进行中 | 已完成, with a progress note (进展情况).
  milestone_status VARCHAR CHECK (milestone_status IN ('未开始', '进行中', '已完成')),
  note VARCHAR,
  upload_id BIGINT NOT NULL,
  line INTEGER,
  recorded_at TIMESTAMPTZ NOT NULL
);

-- Value parsing, in one place, so every file and form reads numbers the same way. Each macro
-- takes a fast path for the plain ASCII forms most rows use; translate() over CJK text costs ~0.3 µs
-- a row, which a million-row file notices.

-- Full-width digits and punctuation (Excel on Chinese Windows) become half-width.
CREATE MACRO tz_halfwidth(s) AS
  trim(CASE WHEN strlen(s) = length(s) THEN s
            ELSE translate(s, '０１２３４５６７８９．，－＋％／　：', '0123456789.,-+%/ :') END);

-- The text of a number with grouping commas and spaces removed.
CREATE MACRO tz_number_text(s) AS replace(replace(tz_halfwidth(s), ',', ''), ' ', '');

-- '36000', '36,000', '3.6万', '３６０００', '12.5%', '90％', '1.2亿', '3.6万人' → a number; NULL when unreadable.
-- Computed in DECIMAL so that 1.58万 is exactly 15800, not 15800.000000000002.
CREATE MACRO tz_number(s) AS (
  CASE
    WHEN regexp_full_match(s, '\d{1,18}(\.\d{1,8})?') THEN CAST(s AS DOUBLE)
    WHEN regexp_full_match(tz_number_text(s), '[+-]?(\d{1,18}(\.\d{0,8})?|\.\d{1,8})(万|亿)?%?[^\d.%+-]{0,4}')
    THEN CAST(
         TRY_CAST(regexp_extract(tz_number_text(s), '^[+-]?(\d+(\.\d*)?|\.\d+)', 0) AS DECIMAL(38, 10))
         * CASE regexp_extract(tz_number_text(s), '(万|亿)', 1)
             WHEN '万' THEN 10000 WHEN '亿' THEN 100000000 ELSE 1 END
       AS DOUBLE)
  END
);

-- The unit written after a number, if any ('3.6万人' → '人', '90%' → '%', '36000' → '').
CREATE MACRO tz_number_suffix(s) AS (
  CASE WHEN regexp_full_match(s, '\d{1,18}(\.\d{1,8})?') THEN ''
       ELSE regexp_extract(tz_number_text(s), '^[+-]?(\d+(\.\d*)?|\.\d+)(万|亿)?(.*)$', 4) END
);

-- '2021-10', '2021/10', '2021.10', '2021年10月', '202110' → month end; '2021-10-31', '2021年10月31日' → that date.
-- NULL when unreadable or not a real date (2021-13, 2021-02-30).
CREATE MACRO tz_period(s) AS (
  CASE
    WHEN regexp_full_match(s, '\d{4}-\d{2}') THEN last_day(CAST(try_strptime(s, '%Y-%m') AS DATE))
    WHEN regexp_full_match(tz_halfwidth(s), '\d{4}\s*[-/.年]\s*(0?[1-9]|1[0-2])\s*月?')
      THEN last_day(make_date(
        CAST(regexp_extract(tz_halfwidth(s), '^(\d{4})', 1) AS INTEGER),
        CAST(regexp_extract(tz_halfwidth(s), '^\d{4}\s*[-/.年]\s*(\d{1,2})', 1) AS INTEGER), 1))
    WHEN regexp_full_match(tz_halfwidth(s), '\d{4}(0[1-9]|1[0-2])')
      THEN last_day(make_date(CAST(left(tz_halfwidth(s), 4) AS INTEGER), CAST(right(tz_halfwidth(s), 2) AS INTEGER), 1))
    WHEN regexp_full_match(tz_halfwidth(s), '\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?')
      THEN CAST(try_strptime(trim(regexp_replace(tz_halfwidth(s), '\D+', '-', 'g'), '-'), '%Y-%m-%d') AS DATE)
  END
);

-- Which values count, as known at time `known`: for each indicator, region, period and series, the
-- latest recorded value whose upload had not been withdrawn by then. The one rule every screen,
-- snapshot and import comparison uses.
CREATE MACRO tz_current_actuals(known) AS TABLE
  SELECT * EXCLUDE (rank_in_key)
  FROM (
    SELECT a.*,
      row_number() OVER (
        PARTITION BY a.indicator_code, a.region, a.period, a.series
        ORDER BY a.recorded_at DESC, a.upload_id DESC, a.line DESC
      ) AS rank_in_key
    FROM actual a
    LEFT JOIN upload_withdrawal w ON w.upload_id = a.upload_id AND w.withdrawn_at <= known
    WHERE a.recorded_at <= known AND w.upload_id IS NULL
  )
  WHERE rank_in_key = 1;
