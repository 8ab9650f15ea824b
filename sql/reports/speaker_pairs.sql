-- Question: which speakers are quoted together in the same article?
--
-- Among the 25 speakers (persons and organisations, grouped by
-- speaker_key(), shown by one of their name forms) quoted in most articles
-- (counted as top_speakers.sql counts them: one per row of speakers): one
-- row per pair of them quoted in the same article, with the number of
-- articles they share and the quotes each has there. The 25 most frequent
-- pairs.
--
--   sqlite3 -box news.db -cmd '.load ./dist/krant' '.read sql/reports/speaker_pairs.sql'
--
-- (Why only pairs of the 25: counting every pair means a row per pair of
-- speakers per article, millions on a large corpus, while the pairs of the
-- speakers quoted most are the ones worth seeing. One pass over the index
-- speakers_key counts each speaker's articles; the index entries of the 25
-- give their articles, as one integer each, 64 * article + rank, so that
-- every grouping sorts plain integers; the pairs come from joining those
-- rows on the article.)
WITH counts AS (
  SELECT key, count(*) AS articles FROM speakers WHERE kind <> 'anonymous' GROUP BY key
),
top AS MATERIALIZED (
  SELECT key, row_number() OVER (ORDER BY articles DESC, key) - 1 AS r
    FROM counts ORDER BY articles DESC, key LIMIT 25
),
-- one row per article and top speaker (a speaker twice in an article once)
rows AS MATERIALIZED (
  SELECT ar >> 6 AS a, ar & 63 AS r, q FROM (
    SELECT s.article_id * 64 + t.r AS ar, sum(s.quotes) AS q
      FROM top t CROSS JOIN speakers s ON s.key = t.key
     WHERE s.kind <> 'anonymous'
     GROUP BY ar)
),
pairs AS (
  SELECT c >> 6 AS r1, c & 63 AS r2, count(*) AS articles, sum(q1) AS q1, sum(q2) AS q2
    FROM (SELECT x.r * 64 + y.r AS c, x.q AS q1, y.q AS q2
            FROM rows x JOIN rows y ON y.a = x.a AND y.r > x.r)
   GROUP BY c
),
-- each pair with its two speakers in key order
named AS (
  SELECT min(t1.key, t2.key) AS key1, max(t1.key, t2.key) AS key2, articles,
         CASE WHEN t1.key < t2.key THEN q1 ELSE q2 END AS quotes_1,
         CASE WHEN t1.key < t2.key THEN q2 ELSE q1 END AS quotes_2
    FROM pairs JOIN top t1 ON t1.r = r1 JOIN top t2 ON t2.r = r2
)
SELECT (SELECT max(name) FROM speakers WHERE key = key1) AS speaker_1,
       (SELECT max(name) FROM speakers WHERE key = key2) AS speaker_2,
       articles, quotes_1, quotes_2
  FROM named
 ORDER BY articles DESC, quotes_1 + quotes_2 DESC, key1, key2
 LIMIT 25;
