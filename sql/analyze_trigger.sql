-- analyze_trigger.sql: analyse every article as it is inserted or its
-- body changes, instead of running analyze.sql.
--
--   sqlite3 news.db -cmd '.load ./dist/krant' '.read sql/analyze_trigger.sql'
--
-- After this, every INSERT INTO articles fills quotes, speakers and
-- date_mentions in the same statement (and so the same transaction), and
-- an UPDATE of body or published redoes them (articles_forget_analysis in
-- schema.sql first forgets the old analysis). Both triggers only insert
-- the article's row into `analysed`, without counts: the trigger
-- analysed_analyse of schema.sql then analyses it with the statements that
-- analyze.sql uses, for a queue of one article. They call krant's
-- functions: every connection that writes articles must load krant, or its
-- INSERT fails with "no such function". Existing articles are not touched:
-- run analyze.sql once for those. DROP TRIGGER krant_analyse_insert and
-- krant_analyse_update switch it off again.

CREATE TRIGGER IF NOT EXISTS krant_analyse_insert AFTER INSERT ON articles
BEGIN
  INSERT INTO analysed(article_id, krant_version) VALUES (new.id, krant_version());
END;

-- After a new body or publication date (relative dates depend on it).
CREATE TRIGGER IF NOT EXISTS krant_analyse_update
AFTER UPDATE OF body, published ON articles
WHEN old.body IS NOT new.body OR old.published IS NOT new.published
BEGIN
  INSERT INTO analysed(article_id, krant_version) VALUES (new.id, krant_version());
END;
