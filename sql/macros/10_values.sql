-- Value parsing, in one place, so every file and form reads numbers the same way. Each macro
-- takes a fast path for the plain ASCII forms most rows use; translate() over CJK text costs ~2 µs
-- a row, which a million-row file notices.

-- Full-width digits and punctuation (Excel on Chinese Windows) become half-width.
-- translate() costs far more than a test for its characters: only a text with a full-width one in
-- it pays for it (3.6万 has none, yet is not ASCII).
CREATE OR REPLACE MACRO tz_halfwidth(s) AS
  trim(CASE WHEN strlen(s) = length(s) OR NOT regexp_matches(s, '[０-９．，－＋％／　：]') THEN s
            ELSE translate(s, '０１２３４５６７８９．，－＋％／　：', '0123456789.,-+%/ :') END);

-- The text of a number with grouping commas and spaces removed (a no-break space too: 12 000 copied
-- from a web page).
-- A comma groups thousands only before three digits (36,000): 6,1万 (a decimal comma) is not 61万.
CREATE OR REPLACE MACRO tz_number_text(s) AS replace(replace(
  CASE WHEN contains(tz_halfwidth(s), ',') THEN regexp_replace(tz_halfwidth(s), ',(\d{3})', '\1', 'g') ELSE tz_halfwidth(s) END,
  ' ', ''), chr(160), '');

-- Numbers are computed in DECIMAL so that 1.58万 is exactly 15800, not 15800.000000000002.
-- DECIMAL(18, 8) first: reading text into a DECIMAL(38, 10) costs ~20 µs a value (a million-row
-- file's values took 20 s), and only a number of more than ten integer digits needs it.
CREATE OR REPLACE MACRO tz_decimal(t) AS coalesce(TRY_CAST(t AS DECIMAL(18, 8)), TRY_CAST(t AS DECIMAL(38, 10)));

-- The parts of tz_number and tz_number_suffix (below), for a query that reads many values
-- (ingest/check.sql): there, each text that is not a plain number is made tz_number_text once, not
-- once in each of four places (a tenth of a second of a million-row file's check).
-- A plain number: what most cells hold, read without the general path's three patterns.
CREATE OR REPLACE MACRO tz_plain_number(s) AS regexp_full_match(s, '\d{1,18}(\.\d{1,8})?');
-- The number of a text already made tz_number_text(s).
CREATE OR REPLACE MACRO tz_number_of_text(t) AS (
  CASE WHEN regexp_full_match(t, '[+-]?(\d{1,18}(\.\d{0,8})?|\.\d{1,8})(万|亿)?%?[^\d.%+-]{0,4}')
    THEN CAST(
         tz_decimal(regexp_extract(t, '^[+-]?(\d+(\.\d*)?|\.\d+)', 0))
         * CASE regexp_extract(t, '(万|亿)', 1) WHEN '万' THEN 10000 WHEN '亿' THEN 100000000 ELSE 1 END
       AS DOUBLE)
  END
);
-- The unit after the number of a text already made tz_number_text(s).
CREATE OR REPLACE MACRO tz_suffix_of_text(t) AS regexp_extract(t, '^[+-]?(\d+(\.\d*)?|\.\d+)(万|亿)?(.*)$', 4);

-- '36000', '36,000', '3.6万', '３６０００', '12.5%', '90％', '1.2亿', '3.6万人' → a number; NULL when unreadable.
CREATE OR REPLACE MACRO tz_number(s) AS (
  CASE WHEN tz_plain_number(s) THEN CAST(s AS DOUBLE) ELSE tz_number_of_text(tz_number_text(s)) END
);

-- The unit written after a number, if any ('3.6万人' → '人', '90%' → '%', '36000' → '').
CREATE OR REPLACE MACRO tz_number_suffix(s) AS (
  CASE WHEN tz_plain_number(s) THEN '' ELSE tz_suffix_of_text(tz_number_text(s)) END
);

-- '2021-10', '2021/10', '2021.10', '2021年10月', '202110' → month end; '2021-10-31', '2021年10月31日' → that date.
-- NULL when unreadable or not a real date (2021-13, 2021-02-30).
CREATE OR REPLACE MACRO tz_period(s) AS (
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
    -- An Excel date serial left unformatted (44469 is 2021-09-30; 36526–54788 is 2000–2049): that day.
    WHEN regexp_full_match(s, '\d{5}') AND CAST(s AS INTEGER) BETWEEN 36526 AND 54788
      THEN CAST(DATE '1899-12-30' + CAST(s AS INTEGER) AS DATE)
  END
);

-- Text for a CSV a spreadsheet will open: a cell that would run as a formula (= + - @, tab or
-- carriage return first) gets a leading apostrophe, as src/export/csv.ts does for the app's own CSV.
CREATE OR REPLACE MACRO tz_csv_text(s) AS CASE WHEN regexp_matches(s, '^[=+\-@\t\r]') THEN '''' || s ELSE s END;
