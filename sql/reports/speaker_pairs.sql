-- Question: which speakers are quoted together in the same article?
--
-- One row per pair of speakers (persons and organisations, grouped by
-- speaker_key(), shown by one of their name forms) quoted in the same
-- article: the number of articles they share, and the quotes each has
-- there. The 25 most frequent pairs.
--
--   sqlite3 -box news.db -cmd '.load ./dist/krant' '.read sql/reports/speaker_pairs.sql'
--
-- Exact, and quick on a large corpus: a pair shared by N articles is made
-- of two speakers quoted in at least N articles each. So it first finds
-- the best partners of the 50 speakers quoted in most articles; the 25th
-- best of those pairs, L, bounds the final 25th from below; then it looks
-- only at the other speakers quoted in at least L articles. Partners are
-- counted speaker by speaker (the index speakers_key gives a speaker's
-- articles, speakers_article the others quoted there), which keeps every
-- sort small.
WITH counts AS (
  SELECT key, count(*) AS n FROM speakers WHERE kind <> 'anonymous' GROUP BY key
),
ranked AS (
  SELECT key, n, row_number() OVER (ORDER BY n DESC, key) AS r FROM counts
),
-- the 25 best partners (with a greater key) of each of the top 50, as JSON
top AS (
  SELECT k.key AS key1,
         (SELECT json_group_array(json_array(key2, c, q1, q2)) FROM (
            SELECT s2.key AS key2, count(*) AS c, sum(s1.quotes) AS q1, sum(s2.quotes) AS q2
              FROM speakers s1 JOIN speakers s2 ON s2.article_id = s1.article_id AND s2.key > s1.key
             WHERE s1.key = k.key AND s1.kind <> 'anonymous' AND s2.kind <> 'anonymous'
             GROUP BY s2.key ORDER BY c DESC, q1 + q2 DESC, key2 LIMIT 25)) AS partners
    FROM ranked k WHERE k.r <= 50
),
bound AS (
  SELECT coalesce((SELECT p.value ->> 1 FROM top, json_each(top.partners) p
                    ORDER BY p.value ->> 1 DESC LIMIT 1 OFFSET 24), 1) AS l
),
-- the same for the other speakers quoted in at least L articles
rest AS (
  SELECT k.key AS key1,
         (SELECT json_group_array(json_array(key2, c, q1, q2)) FROM (
            SELECT s2.key AS key2, count(*) AS c, sum(s1.quotes) AS q1, sum(s2.quotes) AS q2
              FROM speakers s1 JOIN speakers s2 ON s2.article_id = s1.article_id AND s2.key > s1.key
             WHERE s1.key = k.key AND s1.kind <> 'anonymous' AND s2.kind <> 'anonymous'
             GROUP BY s2.key ORDER BY c DESC, q1 + q2 DESC, key2 LIMIT 25)) AS partners
    FROM ranked k, bound WHERE k.r > 50 AND k.n >= bound.l
),
pairs AS (
  SELECT key1, p.value ->> 0 AS key2, p.value ->> 1 AS articles,
         p.value ->> 2 AS quotes_1, p.value ->> 3 AS quotes_2
    FROM (SELECT * FROM top UNION ALL SELECT * FROM rest) AS b, json_each(b.partners) p
)
SELECT (SELECT max(name) FROM speakers WHERE key = key1) AS speaker_1,
       (SELECT max(name) FROM speakers WHERE key = key2) AS speaker_2,
       articles, quotes_1, quotes_2
  FROM pairs
 ORDER BY articles DESC, quotes_1 + quotes_2 DESC, key1, key2
 LIMIT 25;
