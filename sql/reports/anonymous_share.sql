-- Question: how often does each outlet quote anonymous sources
-- (`ingewijden`, `een woordvoerder`, `bronnen rond het kabinet`)?
--
-- Per outlet: analysed articles, all quotes, the quotes of named speakers
-- (persons and organisations), the quotes of anonymous sources (speakers of
-- kind `anonymous`), and anonymous_pct = the anonymous share of all quotes,
-- in %. An article without a source counts under '(unknown)'.
--
--   sqlite3 -box news.db -cmd '.load ./dist/krant' '.read sql/reports/anonymous_share.sql'
--
-- (Reads the per-article counts of `analysed` and the index articles_source.)
SELECT coalesce(a.source, '(unknown)') AS outlet, count(*) AS articles,
       sum(d.quotes) AS quotes, sum(d.quotes_named) AS named, sum(d.quotes_anonymous) AS anonymous,
       printf('%.1f', 100.0 * sum(d.quotes_anonymous) / max(1, sum(d.quotes))) AS anonymous_pct
  FROM articles a CROSS JOIN analysed d ON d.article_id = a.id
 GROUP BY outlet
 ORDER BY 100.0 * sum(d.quotes_anonymous) / max(1, sum(d.quotes)) DESC, outlet;
