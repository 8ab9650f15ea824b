-- Question: how many quotes does each outlet publish, week by week?
--
-- One row per outlet and week (weeks start on Monday; `week` is the date of
-- that Monday): analysed articles, their quotes, and quotes per article.
-- Articles whose publication date lacks the day are left out; an article
-- without a source is counted under '(unknown)'.
--
--   sqlite3 -box news.db -cmd '.load ./dist/krant' '.read sql/reports/quotes_per_outlet_week.sql'
--
-- (Reads the per-article counts of `analysed` and the index articles_source.)
SELECT coalesce(source, '(unknown)') AS outlet,
       date(published, '-' || ((strftime('%w', published) + 6) % 7) || ' days') AS week,
       count(*) AS articles,
       sum(quotes) AS quotes,
       printf('%.1f', 1.0 * sum(quotes) / count(*)) AS per_article
  FROM (SELECT a.source, a.published, d.quotes
          FROM articles a CROSS JOIN analysed d ON d.article_id = a.id
         WHERE length(a.published) = 10)
 GROUP BY outlet, week
 ORDER BY week, outlet;
