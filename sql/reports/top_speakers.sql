-- Question: who is quoted most, in which role, and what share of all
-- attributed quotes do they get?
--
-- One row per speaker (persons and organisations; anonymous sources are in
-- anonymous_share.sql), grouped across articles by speaker_key(), so
-- `Pieter van der Meulen` and a later `Van der Meulen` in another article
-- are one row only when their keys agree. The name form, kind and role
-- shown are the ones used in most articles (a role when one is known).
-- share = the speaker's quotes / all quotes whose speaker the articles
-- give (named or anonymous), in %. The 25 most quoted.
--
--   sqlite3 -box news.db -cmd '.load ./dist/krant' '.read sql/reports/top_speakers.sql'
--
-- (One pass over the index speakers_key, which holds every column used,
-- for the totals per speaker; then the index entries of the 25 only, for
-- their name forms, kinds and roles.)
WITH per AS (
  SELECT key, sum(quotes) AS quotes, count(*) AS articles
    FROM speakers
   WHERE kind <> 'anonymous'
   GROUP BY key
),
top AS (
  SELECT * FROM per ORDER BY quotes DESC, articles DESC, key LIMIT 25
),
g AS MATERIALIZED (
  SELECT s.key, s.name, s.role, s.kind, count(*) AS articles
    FROM top t CROSS JOIN speakers s ON s.key = t.key
   WHERE s.kind <> 'anonymous'
   GROUP BY s.key, s.name, s.role, s.kind
),
total AS (SELECT sum(quotes_named + quotes_anonymous) AS quotes FROM analysed)
SELECT (SELECT name FROM g WHERE g.key = t.key
         GROUP BY name ORDER BY sum(articles) DESC, name LIMIT 1) AS speaker,
       (SELECT kind FROM g WHERE g.key = t.key
         GROUP BY kind ORDER BY sum(articles) DESC, kind LIMIT 1) AS kind,
       (SELECT role FROM g WHERE g.key = t.key AND role IS NOT NULL
         GROUP BY role ORDER BY sum(articles) DESC, role LIMIT 1) AS role,
       t.quotes,
       t.articles,
       printf('%.1f', 100.0 * t.quotes / total.quotes) AS share_pct
  FROM top t, total
 ORDER BY t.quotes DESC, t.articles DESC, t.key;
