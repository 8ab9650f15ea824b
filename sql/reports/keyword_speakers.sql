-- Question: who is quoted in the articles about a subject?
--
-- The subject is a PCRE2 pattern matched against the article body with
-- krant's REGEXP (case-sensitive unless the pattern starts with (?i)); by
-- default (?i)\bwoning, for articles about housing. One row per speaker
-- (grouped by speaker_key(), shown by one of its name forms) quoted in a
-- matching analysed article: their quotes there, the articles, and as an
-- example their longest quote in the first such article (cut at 100
-- characters). The 25 most quoted.
--
--   sqlite3 -box news.db -cmd '.load ./dist/krant' \
--     -cmd ".parameter set :keyword '(?i)\bstikstof'" '.read sql/reports/keyword_speakers.sql'
--
-- (REGEXP reads every body: PRAGMA mmap_size = 2000000000 on the
-- connection, as make report sets it, makes that several times faster.
-- The speakers of the matching articles are added up in one of two ways,
-- whichever reads less: when the articles are under a quarter of the
-- analysed ones, their own rows, grouped by key; otherwise one pass over
-- the whole index speakers_key, which is in key order already. The other
-- way gets LIMIT 0 and reads nothing.)
WITH hits AS MATERIALIZED (
  SELECT a.id FROM articles a
   WHERE a.body REGEXP coalesce(:keyword, '(?i)\bwoning')
     AND a.id IN (SELECT article_id FROM analysed)
),
few AS MATERIALIZED (
  SELECT (SELECT count(*) FROM hits) * 4 < (SELECT count(*) FROM analysed) AS yes
),
per AS (
  SELECT * FROM (
    SELECT s.key, sum(s.quotes) AS quotes, count(*) AS articles, min(s.article_id) AS first
      FROM speakers s
     WHERE s.article_id IN hits
     GROUP BY s.key
     LIMIT (SELECT CASE WHEN yes THEN -1 ELSE 0 END FROM few))
  UNION ALL
  SELECT * FROM (
    SELECT s.key, sum(s.quotes) AS quotes, count(*) AS articles, min(s.article_id) AS first
      FROM speakers s INDEXED BY speakers_key
     WHERE s.article_id IN hits
     GROUP BY s.key
     LIMIT (SELECT CASE WHEN yes THEN 0 ELSE -1 END FROM few))
),
top AS (
  SELECT * FROM per ORDER BY quotes DESC, articles DESC, key LIMIT 25
),
ex AS (
  SELECT p.*, (SELECT max(name) FROM speakers s WHERE s.key = p.key) AS speaker,
         (SELECT replace(q.quote, char(10), ' ') FROM speakers s JOIN quotes q
             ON q.article_id = s.article_id AND q.speaker = s.name
           WHERE s.article_id = p.first AND +s.key = p.key
           ORDER BY q.length DESC, q.n LIMIT 1) AS example
    FROM top p
)
SELECT speaker, quotes, articles,
       CASE WHEN length(example) > 100 THEN substr(example, 1, 99) || '…' ELSE example END AS example
  FROM ex
 ORDER BY quotes DESC, articles DESC, key;
