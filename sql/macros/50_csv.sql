-- CSV cells written by DuckDB exactly as src/export/csv.ts writes them (csvCell), for the exports
-- too large to pass through JavaScript objects (the by-region snapshot: hundreds of thousands of rows).

-- A text cell: formula-like text neutralised (tz_csv_text), then quoted as RFC 4180 asks (a quote,
-- comma or line break in it; the apostrophe adds none); NULL → ''. Dates need neither.
CREATE OR REPLACE MACRO tz_csv_cell(s) AS coalesce(
  CASE WHEN contains(s, '"') OR contains(s, ',') OR contains(s, chr(10)) OR contains(s, chr(13))
    THEN '"' || replace(tz_csv_text(s), '"', '""') || '"' ELSE tz_csv_text(s) END, '');

-- A number cell as JavaScript's String(number) writes it: integers without '.0' (100, not 100.0),
-- others in the shortest form that reads back the same (69.2, 0.30000000000000004); NULL, NaN and
-- infinities → ''. (Below 1e-4 or from 1e21 the two choose exponent notation differently; no figure
-- of a target document is that small or large.)
CREATE OR REPLACE MACRO tz_csv_number(x) AS coalesce(
  CASE WHEN isnan(x) OR isinf(x) THEN NULL
       WHEN x = trunc(x) AND abs(x) < 1e18 THEN CAST(CAST(x AS BIGINT) AS VARCHAR)
       ELSE CAST(CAST(x AS DOUBLE) AS VARCHAR) END, '');

-- A ratio as a percentage with one decimal (0.6916666 → 69.2), as csvPercent's Math.round(x * 1000) / 10.
CREATE OR REPLACE MACRO tz_csv_percent(x) AS tz_csv_number(floor(x * 1000 + 0.5) / 10);
