-- schema.sql: the krant workflow's tables (articles, what analysis made of
-- them, import problems) and the views that compute an article's analysis.
--
--   sqlite3 news.db -cmd '.load ./dist/krant' '.read sql/schema.sql'
--
-- Safe to run again: it creates only what is missing (CREATE ... IF NOT
-- EXISTS), and on a database made by an earlier krant it also removes what
-- this one no longer uses (see `Upgrading` at the end). The tables need no
-- extension; the analysis views and triggers call krant's functions and so
-- work only where krant is loaded.

PRAGMA foreign_keys = ON;

-- One row per article. `origin` says where it came from (a file path, or
-- `file:line` / `file:record N`) so that importing again skips it.
CREATE TABLE IF NOT EXISTS articles (
  id          INTEGER PRIMARY KEY,
  origin      TEXT UNIQUE,
  source      TEXT,                         -- the outlet: NOS, De Standaard...
  url         TEXT UNIQUE,
  published   TEXT CHECK (published IS NULL
                OR published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'
                  AND substr(published, 6, 2) BETWEEN '01' AND '12'
                OR published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                  AND date(julianday(published)) IS published),
  title       TEXT,
  body        TEXT NOT NULL,
  lang        TEXT CHECK (lang IS NULL OR lang IN ('nl-NL', 'nl-BE')),
  imported_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source, published);

-- What went wrong during an import: one row per skipped record.
CREATE TABLE IF NOT EXISTS import_errors (
  id          INTEGER PRIMARY KEY,
  origin      TEXT NOT NULL,                -- file, file:line N, file:record N
  problem     TEXT NOT NULL,
  imported_at TEXT NOT NULL DEFAULT (datetime('now'))
);

-- One row per analysed article: which krant version analysed it, and its
-- counts (for the reports: with them a report on 100,000 articles reads
-- 100,000 short rows instead of millions). Every row of quote_spans,
-- speakers and date_spans points here with the same version, so a row
-- always says which krant made it, and deleting this row (or the article)
-- deletes its analysis (with PRAGMA foreign_keys=ON; analyze.sql also
-- deletes explicitly, so it works with the pragma off). Inserting a row
-- with only article_id and krant_version analyses that article (the
-- trigger analysed_analyse below).
CREATE TABLE IF NOT EXISTS analysed (
  article_id            INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  krant_version         TEXT NOT NULL,
  analysed_at           TEXT NOT NULL DEFAULT (datetime('now')),
  quotes                INTEGER,   -- all quotes
  quotes_named          INTEGER,   -- quotes of persons and organisations
  quotes_anonymous      INTEGER,   -- quotes of anonymous sources
  quotes_women          INTEGER,   -- quotes of persons of gender f
  quotes_men            INTEGER,   -- quotes of persons of gender m
  quotes_gender_unknown INTEGER,   -- quotes of persons of unknown gender
  UNIQUE (article_id, krant_version)
);
CREATE INDEX IF NOT EXISTS analysed_version ON analysed(krant_version);

-- extract_quotes(): one row per quote, `n` numbering them in the
-- article. The rows are stored in quote_spans without the texts that are
-- spans of the body (the quote and the mention): the view `quotes` (below)
-- gives them back as substr(body, start, length), so that the database
-- stores each text once. This table, speakers and date_spans are WITHOUT
-- ROWID tables keyed by (article_id, n): the rows of an article lie
-- together, found by their key, and an analysis appends to the end of
-- each table, with no other index to maintain.
CREATE TABLE IF NOT EXISTS quote_spans (
  article_id     INTEGER NOT NULL,
  krant_version  TEXT NOT NULL,
  n              INTEGER NOT NULL,
  kind           TEXT,                      -- direct, indirect, mixed, embed
  speaker        TEXT,                      -- canonical name, NULL when unknown
  role           TEXT,
  cue            TEXT,
  confidence     REAL,
  paragraph      INTEGER,
  start          INTEGER,                   -- the quote: substr(body, start, length)
  length         INTEGER,
  mention_start  INTEGER,                   -- the speaker's mention, likewise
  mention_length INTEGER,
  PRIMARY KEY (article_id, n),
  FOREIGN KEY (article_id, krant_version)
    REFERENCES analysed(article_id, krant_version) ON DELETE CASCADE
) WITHOUT ROWID;

-- Every quote with its texts: quote = substr(body, start, length).
CREATE VIEW IF NOT EXISTS quotes AS
SELECT q.article_id, q.krant_version, q.n,
       substr(a.body, q.start, q.length) AS quote, q.kind, q.speaker,
       substr(a.body, q.mention_start, q.mention_length) AS mention, q.role, q.cue,
       q.confidence, q.paragraph, q.start, q.length, q.mention_start, q.mention_length
  FROM quote_spans q JOIN articles a ON a.id = q.article_id;

-- extract_speakers(): one row per source with at least one quote in an
-- article, `n` numbering them. `key` is speaker_key(name), to group one
-- person across articles.
CREATE TABLE IF NOT EXISTS speakers (
  article_id    INTEGER NOT NULL,
  krant_version TEXT NOT NULL,
  n             INTEGER NOT NULL,
  name          TEXT NOT NULL,
  key           TEXT,
  kind          TEXT,                       -- person, organisation, anonymous
  role          TEXT,
  organisation  TEXT,
  gender        TEXT,                       -- m, f or NULL
  quotes        INTEGER,
  words         INTEGER,
  mentions      INTEGER,
  aliases       TEXT,                       -- JSON array
  first_start   INTEGER,
  first_length  INTEGER,
  given_name    TEXT,
  particle      TEXT,
  surname       TEXT,
  sort_name     TEXT,
  PRIMARY KEY (article_id, n),
  FOREIGN KEY (article_id, krant_version)
    REFERENCES analysed(article_id, krant_version) ON DELETE CASCADE
) WITHOUT ROWID;
-- The one index on the analysis rows: the speakers of every article by key,
-- with every column the speaker reports read (top_speakers,
-- keyword_speakers, speaker_pairs), so that they never visit the wide rows.
-- It grows in random order, which makes it the dearest part of the
-- analysis after the rows themselves; analyze.sql gives it a page cache.
CREATE INDEX IF NOT EXISTS speakers_key ON speakers(key, name, role, kind, quotes);

-- extract_dates(): one row per date expression (`n` numbering them), resolved against the
-- article's publication date when that is a full date. `days` is the
-- number of days from the publication date to the middle of the period
-- the expression means (-1 for `gisteren`, 0 for `vandaag`), NULL
-- without a full publication date or a first and last day. Stored in
-- date_spans without the expression, a span of the body: the view
-- `date_mentions` (below) gives it back. (To look up the articles that
-- mention a given day, add an index on first_day; the reports do not need
-- it, and every index slows the analysis down.)
CREATE TABLE IF NOT EXISTS date_spans (
  article_id    INTEGER NOT NULL,
  krant_version TEXT NOT NULL,
  n             INTEGER NOT NULL,
  value         TEXT,
  type          TEXT,                       -- date, time, duration, set
  first_day     TEXT,
  last_day      TEXT,
  start         INTEGER,                    -- the expression: substr(body, start, length)
  length        INTEGER,
  days          REAL,
  PRIMARY KEY (article_id, n),
  FOREIGN KEY (article_id, krant_version)
    REFERENCES analysed(article_id, krant_version) ON DELETE CASCADE
) WITHOUT ROWID;

-- Every date mention with its expression.
CREATE VIEW IF NOT EXISTS date_mentions AS
SELECT d.article_id, d.krant_version, d.n, substr(a.body, d.start, d.length) AS expression,
       d.value, d.type, d.first_day, d.last_day, d.start, d.length, d.days
  FROM date_spans d JOIN articles a ON a.id = d.article_id;

-- How many rows of date_spans have each value of `days`: a few thousand
-- rows, kept by the analysis (which adds its rows') and the trigger below
-- (which takes away deleted ones), so that reports/date_horizon.sql counts
-- mentions by distance from the publication date without reading millions
-- of rows. (An index on days would cost the analysis more.) Every `days`
-- is a whole or half number of days (Julian days of dates differ by whole
-- days); the analysis and the trigger both file a value under
-- CAST(days * 2 AS INTEGER) / 2.0, which is that value, and grouping by the
-- integer is the fastest grouping there is. (To count it again from
-- date_spans: DELETE FROM date_days; PRAGMA user_version = 1; then read
-- this file again.)
CREATE TABLE IF NOT EXISTS date_days (
  days     REAL PRIMARY KEY,
  mentions INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS date_spans_forget AFTER DELETE ON date_spans
WHEN old.days IS NOT NULL
BEGIN
  UPDATE date_days SET mentions = mentions - 1
   WHERE days = CAST(old.days * 2 AS INTEGER) / 2.0;
END;

-- A changed body or publication date (relative dates depend on it) makes
-- the analysis stale: forget it, so that the next analysis run redoes it.
-- BEFORE, so that the trigger of analyze_trigger.sql, which redoes it at
-- once, runs after this one.
CREATE TRIGGER IF NOT EXISTS articles_forget_analysis
BEFORE UPDATE OF body, published ON articles
WHEN old.body IS NOT new.body OR old.published IS NOT new.published
BEGIN
  DELETE FROM quote_spans WHERE article_id = old.id;
  DELETE FROM speakers WHERE article_id = old.id;
  DELETE FROM date_spans WHERE article_id = old.id;
  DELETE FROM analysed WHERE article_id = old.id;
END;

-- The analysis of every article, computed by krant: what the tables above
-- hold for an analysed article, column for column (the tests compare them).
CREATE VIEW IF NOT EXISTS analysis_quotes AS
SELECT a.id AS article_id, krant_version() AS krant_version, q.rowid AS n,
       q.quote, q.kind, q.speaker, q.mention, q.role, q.cue, q.confidence,
       q.paragraph, q.start, q.length, q.mention_start, q.mention_length
  FROM articles a, extract_quotes(a.body) q;

CREATE VIEW IF NOT EXISTS analysis_speakers AS
SELECT a.id AS article_id, krant_version() AS krant_version, s.rowid AS n,
       s.name, speaker_key(s.name) AS key, s.kind, s.role, s.organisation,
       s.gender, s.quotes, s.words, s.mentions, s.aliases, s.first_start,
       s.first_length, s.given_name, s.particle, s.surname, s.sort_name
  FROM articles a, extract_speakers(a.body) s;

-- Relative dates (`gisteren`, `dinsdag`) are resolved against `published`
-- when it is a full date; otherwise only absolute dates get a value, and
-- days is NULL (extract_dates computes days against its reference).
DROP VIEW IF EXISTS analysis_dates;      -- (always the current definition)
CREATE VIEW analysis_dates AS
SELECT a.id AS article_id, krant_version() AS krant_version, d.rowid AS n,
       d.expression, d.value, d.type, d.first_day, d.last_day, d.start, d.length,
       d.days
  FROM (SELECT id, body,
               CASE WHEN published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                    THEN published END AS published
          FROM articles) a,
       extract_dates(a.body, a.published) d;

-- The articles to analyse in the next run (normally empty: a run empties it).
CREATE TABLE IF NOT EXISTS analysis_queue (article_id INTEGER PRIMARY KEY);

-- Inserting a row here analyses every article of analysis_queue in that
-- one statement (the trigger analysis_run_queue below), so an error (a
-- function failing, a full disk) undoes the whole run and never leaves an
-- article marked analysed with half its rows:
--   INSERT INTO analysis_queue SELECT id FROM articles WHERE ...;
--   INSERT INTO analysis_run VALUES (NULL);
-- analyze.sql runs batches this way. The queued articles must not be
-- analysed already (delete their analysis first).
CREATE VIEW IF NOT EXISTS analysis_run(queued) AS SELECT NULL;

-- The analysis of one article: inserting its id into this view fills
-- quote_spans, speakers, date_spans and its row of analysed (the trigger
-- below), from the views above for that one article. One article at a
-- time, quotes then speakers, because krant keeps the analysis of the last
-- text on the connection: extract_speakers reuses what extract_quotes just
-- computed for the same body instead of analysing the article a second
-- time. The number of quotes is the last n (the functions number their
-- rows 1, 2, 3...).
DROP VIEW IF EXISTS analysis_article;       -- (always the current definition)
CREATE VIEW analysis_article(article_id) AS SELECT NULL;
CREATE TRIGGER analysis_article_one INSTEAD OF INSERT ON analysis_article
BEGIN
  INSERT INTO quote_spans(article_id, krant_version, n, kind, speaker, role, cue,
                          confidence, paragraph, start, length, mention_start,
                          mention_length)
  SELECT article_id, krant_version, n, kind, speaker, role, cue, confidence,
         paragraph, start, length, mention_start, mention_length
    FROM analysis_quotes WHERE article_id = new.article_id;
  INSERT INTO speakers(article_id, krant_version, n, name, key, kind, role,
                       organisation, gender, quotes, words, mentions, aliases,
                       first_start, first_length, given_name, particle, surname,
                       sort_name)
  SELECT * FROM analysis_speakers WHERE article_id = new.article_id;
  INSERT INTO date_spans(article_id, krant_version, n, value, type, first_day,
                         last_day, start, length, days)
  SELECT article_id, krant_version, n, value, type, first_day, last_day, start, length, days
    FROM analysis_dates WHERE article_id = new.article_id;
  INSERT INTO analysed(article_id, krant_version, quotes, quotes_named, quotes_anonymous,
                       quotes_women, quotes_men, quotes_gender_unknown)
  SELECT new.article_id, krant_version(),
         coalesce((SELECT max(n) FROM quote_spans x WHERE x.article_id = new.article_id), 0),
         coalesce(sum(s.quotes) FILTER (WHERE s.kind IS NOT 'anonymous'), 0),
         coalesce(sum(s.quotes) FILTER (WHERE s.kind = 'anonymous'), 0),
         coalesce(sum(s.quotes) FILTER (WHERE s.kind = 'person' AND s.gender = 'f'), 0),
         coalesce(sum(s.quotes) FILTER (WHERE s.kind = 'person' AND s.gender = 'm'), 0),
         coalesce(sum(s.quotes) FILTER (WHERE s.kind = 'person' AND s.gender IS NULL), 0)
    FROM speakers s WHERE s.article_id = new.article_id;
END;

-- The analysis of the whole queue, in one statement: every queued article
-- in id order (above), then the counts of date_days for all of them at
-- once (a few thousand distinct values, not one update per mention).
DROP TRIGGER IF EXISTS analysis_run_queue;   -- (always the current definition)
CREATE TRIGGER analysis_run_queue INSTEAD OF INSERT ON analysis_run
BEGIN
  INSERT INTO analysis_article SELECT article_id FROM analysis_queue ORDER BY article_id;
  INSERT INTO date_days(days, mentions)
  SELECT h / 2.0, count(*)
    FROM (SELECT CAST(days * 2 AS INTEGER) AS h FROM date_spans
           WHERE article_id IN analysis_queue AND days IS NOT NULL)
   GROUP BY h
      ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions;
  DELETE FROM analysis_queue;
END;

-- Inserting into analysed only the article and the version (counts NULL)
-- analyses that article at once: this trigger queues it, runs the queue
-- (which inserts the complete row) and drops the row being inserted.
-- analyze_trigger.sql analyses new articles this way.
CREATE TRIGGER IF NOT EXISTS analysed_analyse BEFORE INSERT ON analysed
WHEN new.quotes IS NULL
BEGIN
  DELETE FROM analysis_queue;
  INSERT INTO analysis_queue VALUES (new.article_id);
  INSERT INTO analysis_run VALUES (NULL);
  SELECT RAISE(IGNORE);
END;

-- Upgrading a database made by an earlier krant: reading this file again
-- removes what the analysis no longer uses (a per-article trigger, a view
-- and two indexes that made it slower) and fills date_days from the
-- stored rows. PRAGMA user_version records that it is done.
DROP TRIGGER IF EXISTS analysed_fill;
DROP VIEW IF EXISTS analysis_counts;
DROP INDEX IF EXISTS speakers_article;
DROP INDEX IF EXISTS date_spans_days;
INSERT INTO date_days(days, mentions)
SELECT h / 2.0, count(*)
  FROM (SELECT CAST(days * 2 AS INTEGER) AS h FROM date_spans
         WHERE days IS NOT NULL AND (SELECT user_version FROM pragma_user_version) < 2)
 GROUP BY h
    ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions;
PRAGMA user_version = 2;
