-- schema.sql: the krant workflow's tables (articles, what analysis made of
-- them, import problems) and the views that compute an article's analysis.
--
--   sqlite3 news.db -cmd '.load ./dist/krant' '.read sql/schema.sql'
--
-- Safe to run again: every statement is CREATE ... IF NOT EXISTS. The
-- tables need no extension; the analysis views call krant's functions and
-- so work only where krant is loaded.

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
-- counts (filled by analyze.sql from the rows below, for the reports: with
-- them a report on 100,000 articles reads 100,000 short rows instead of
-- millions). Every row of quote_spans, speakers and date_spans points here
-- with the same version, so a row always says which krant made it, and
-- deleting this row (or the article) deletes its analysis (with PRAGMA
-- foreign_keys=ON; analyze.sql also deletes explicitly, so it works with
-- the pragma off).
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
-- together, found by their key, with no index to maintain on insert.
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
-- (with the table's key, each holds every column the reports read by
-- speaker or by article, so that they never visit the wide rows; the
-- second grows at its end during an analysis, which costs little)
CREATE INDEX IF NOT EXISTS speakers_key ON speakers(key, name, role, kind, quotes);
CREATE INDEX IF NOT EXISTS speakers_article ON speakers(article_id, key, kind, quotes);

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
CREATE INDEX IF NOT EXISTS date_spans_days ON date_spans(days)
  WHERE days IS NOT NULL;

-- Every date mention with its expression.
CREATE VIEW IF NOT EXISTS date_mentions AS
SELECT d.article_id, d.krant_version, d.n, substr(a.body, d.start, d.length) AS expression,
       d.value, d.type, d.first_day, d.last_day, d.start, d.length, d.days
  FROM date_spans d JOIN articles a ON a.id = d.article_id;

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

-- The analysis of every article, computed by krant. The trigger
-- analysed_fill (below) inserts from these views; they are the one place
-- that maps krant's columns to the tables above.
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
-- when it is a full date; otherwise only absolute dates get a value.
CREATE VIEW IF NOT EXISTS analysis_dates AS
SELECT a.id AS article_id, krant_version() AS krant_version, d.rowid AS n,
       d.expression, d.value, d.type, d.first_day, d.last_day, d.start, d.length,
       (julianday(d.first_day) + julianday(d.last_day)) / 2 - julianday(a.published) AS days
  FROM articles a, extract_dates(a.body, a.published) d
 WHERE a.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
UNION ALL
SELECT a.id, krant_version(), d.rowid, d.expression, d.value, d.type, d.first_day,
       d.last_day, d.start, d.length, NULL
  FROM articles a, extract_dates(a.body) d
 WHERE a.published IS NULL
    OR NOT a.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]';

-- The counts of analysed, from the stored rows of one article.
CREATE VIEW IF NOT EXISTS analysis_counts AS
SELECT d.article_id,
       (SELECT count(*) FROM quote_spans q WHERE q.article_id = d.article_id) AS quotes,
       coalesce(sum(s.quotes) FILTER (WHERE s.kind IS NOT 'anonymous'), 0) AS quotes_named,
       coalesce(sum(s.quotes) FILTER (WHERE s.kind = 'anonymous'), 0) AS quotes_anonymous,
       coalesce(sum(s.quotes) FILTER (WHERE s.kind = 'person' AND s.gender = 'f'), 0) AS quotes_women,
       coalesce(sum(s.quotes) FILTER (WHERE s.kind = 'person' AND s.gender = 'm'), 0) AS quotes_men,
       coalesce(sum(s.quotes) FILTER (WHERE s.kind = 'person' AND s.gender IS NULL), 0)
         AS quotes_gender_unknown
  FROM analysed d LEFT JOIN speakers s ON s.article_id = d.article_id
 GROUP BY d.article_id;

-- Analysing an article is inserting its row into `analysed`: this trigger
-- then fills quote_spans, speakers, date_spans and the counts, within the
-- same statement. So an error (a function failing, a full disk) undoes the
-- whole statement and never leaves an article marked analysed with half
-- its rows. analyze.sql and the triggers of analyze_trigger.sql insert
-- here; the row's krant_version should be krant_version().
CREATE TRIGGER IF NOT EXISTS analysed_fill AFTER INSERT ON analysed
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
  SELECT article_id, krant_version, n, value, type, first_day, last_day, start,
         length, days
    FROM analysis_dates WHERE article_id = new.article_id;
  UPDATE analysed
     SET (quotes, quotes_named, quotes_anonymous, quotes_women, quotes_men,
          quotes_gender_unknown)
       = (SELECT quotes, quotes_named, quotes_anonymous, quotes_women, quotes_men,
                 quotes_gender_unknown
            FROM analysis_counts c WHERE c.article_id = new.article_id)
   WHERE article_id = new.article_id;
END;
