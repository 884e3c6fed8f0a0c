-- Macros that earlier versions defined and nothing calls any more; dropped so none is used by mistake.
DROP MACRO TABLE IF EXISTS tz_cumulative;
