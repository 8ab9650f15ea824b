-- Question: how balanced are the quoted people by gender, month by month?
--
-- Counts the quotes of persons (not organisations or anonymous sources) per
-- month of publication, by the gender krant gives the speaker: women (f),
-- men (m), unknown (NULL: krant does not guess). women_pct = women's share
-- of the quotes whose speaker's gender is known. Articles without a
-- publication date are left out.
--
--   sqlite3 -box news.db -cmd '.load ./dist/krant' '.read sql/reports/gender_over_time.sql'
--
-- (Reads the per-article counts of `analysed` and the index articles_published.)
SELECT month, women, men, unknown,
       CASE WHEN women + men > 0 THEN printf('%.1f', 100.0 * women / (women + men)) END AS women_pct
  FROM (SELECT substr(a.published, 1, 7) AS month,
               sum(d.quotes_women) AS women, sum(d.quotes_men) AS men,
               sum(d.quotes_gender_unknown) AS unknown
          FROM articles a CROSS JOIN analysed d ON d.article_id = a.id
         WHERE a.published IS NOT NULL
         GROUP BY month)
 ORDER BY month;
