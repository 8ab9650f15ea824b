-- Question: which dates do articles talk about, relative to the day they
-- were published: the past, the day itself, or the future?
--
-- Every date mention with a first and last day in an article with a full
-- publication date, put in a bucket by `days`: the number of days from the
-- publication date to the middle of the mentioned period (see schema.sql);
-- a bucket holds lo <= days < hi. `mentions` counts per bucket; share = %
-- of all such mentions.
--
--   sqlite3 -box news.db -cmd '.load ./dist/krant' '.read sql/reports/date_horizon.sql'
--
-- (Sums the table date_days of schema.sql, which counts the mentions per
-- value of days: a few thousand rows instead of millions of date_spans.)
WITH buckets(bucket, horizon, lo, hi) AS (VALUES
  (1, 'more than a year before', -1e9, -365), (2, 'a month to a year before', -365, -31),
  (3, 'a week to a month before', -31, -7), (4, '2 to 7 days before', -7, -1),
  (5, 'the day before', -1, 0), (6, 'the day of publication', 0, 1),
  (7, 'the day after', 1, 2), (8, '2 to 7 days after', 2, 8),
  (9, 'a week to a month after', 8, 32), (10, 'a month to a year after', 32, 366),
  (11, 'more than a year after', 366, 1e9)),
counts AS (
  SELECT bucket, horizon,
         (SELECT coalesce(sum(mentions), 0) FROM date_days WHERE days >= lo AND days < hi) AS mentions
    FROM buckets
)
SELECT horizon, mentions,
       printf('%.1f', 100.0 * mentions / max(1, (SELECT sum(mentions) FROM counts))) AS share_pct
  FROM counts
 ORDER BY bucket;
