-- analyze.sql: analyse the articles that need it, in one transaction.
--
--   sqlite3 news.db -cmd '.load ./dist/krant' '.read sql/analyze.sql'
--
-- Incremental and idempotent: an article is analysed when it has no row in
-- `analysed` for the krant version that is loaded. Rows made by another
-- krant version are deleted first and their articles analysed again; a
-- changed body or date is forgotten by the trigger articles_forget_analysis
-- (schema.sql). Running it twice in a row does nothing the second time.
-- It ends by printing how many articles it analysed.
--
-- With `.parameter set :batch N` it analyses at most N articles per run
-- and carries on after the last article of the previous run of the same
-- session: examples/analyze_batches.sh runs it in batches and prints
-- progress. Everything of one run is one transaction: an interrupted run
-- leaves the database as it was before that run, and an error (a function
-- failing on some text) leaves no article marked analysed with half its
-- rows: the analysis of a run is one INSERT statement (into the view
-- analysis_run of schema.sql, whose trigger fills the tables for all the
-- articles of the run at once).

-- The rows made here agree with their foreign keys by construction, so the
-- checks are off while it runs (they would look up the parent of every
-- row); afterwards they are on, as the schema's cascades expect. (The
-- pragma must come outside the transaction.)
PRAGMA foreign_keys = OFF;
-- A page cache of 64 MB instead of 2 keeps the index speakers_key, which
-- grows in random order, in memory on a large corpus.
PRAGMA cache_size = -65536;
BEGIN IMMEDIATE;

-- 1. forget what another krant version made (the < and > use the index)
CREATE TEMP TABLE IF NOT EXISTS analyse_stale(article_id INTEGER PRIMARY KEY);
INSERT INTO temp.analyse_stale
SELECT article_id FROM analysed
 WHERE krant_version < krant_version() OR krant_version > krant_version();
DELETE FROM quote_spans   WHERE article_id IN temp.analyse_stale;
DELETE FROM speakers      WHERE article_id IN temp.analyse_stale;
DELETE FROM date_spans    WHERE article_id IN temp.analyse_stale;
DELETE FROM analysed      WHERE article_id IN temp.analyse_stale;
DELETE FROM temp.analyse_stale;

-- 2. this run's articles: not analysed yet, in id order, at most :batch
--    of them, after those of the previous batch of this session
CREATE TEMP TABLE IF NOT EXISTS analyse_cursor(last_id INTEGER);
INSERT INTO temp.analyse_cursor SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM temp.analyse_cursor);
CREATE TEMP TABLE IF NOT EXISTS analyse_batch(id INTEGER PRIMARY KEY);
DELETE FROM temp.analyse_batch;
INSERT INTO temp.analyse_batch
SELECT a.id FROM articles a
 WHERE a.id > CASE WHEN :batch IS NULL THEN 0 ELSE (SELECT last_id FROM temp.analyse_cursor) END
   AND NOT EXISTS (SELECT 1 FROM analysed d WHERE d.article_id = a.id)
 ORDER BY a.id
 LIMIT coalesce(:batch, -1);
UPDATE temp.analyse_cursor
   SET last_id = coalesce((SELECT max(id) FROM temp.analyse_batch), last_id);

-- 3. analyse them: one statement, so all or nothing
DELETE FROM analysis_queue;
INSERT INTO analysis_queue SELECT id FROM temp.analyse_batch;
INSERT INTO analysis_run VALUES (NULL);

COMMIT;
PRAGMA foreign_keys = ON;

SELECT printf('analysed %d articles', count(*)) AS analyze FROM temp.analyse_batch;
