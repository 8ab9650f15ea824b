-- demo.sql: krant at work on the example articles (run by `make demo`,
-- from the project root, in the sqlite3 shell with krant loaded).
.mode box
.headers on

-- The example articles: one file each, first line `date YYYY-MM-DD`.
CREATE TABLE articles AS
SELECT substr(name, length('examples/articles/') + 1) AS file,
       substr(CAST(data AS TEXT), 6, 10) AS published,
       CAST(data AS TEXT) AS body
  FROM fsdir('examples/articles')
 WHERE name GLOB '*.txt'
 ORDER BY name;

.print
.print krant on the example articles
SELECT krant_version() AS version, count(*) AS articles,
       sum(length(body)) AS characters FROM articles;

.print
.print Sentences and paragraphs per article
SELECT a.file, max(s.paragraph) AS paragraphs, count(*) AS sentences
  FROM articles a, sentences(a.body) s
 GROUP BY a.file ORDER BY a.file LIMIT 8;

.print
.print The longest sentence of the corpus
SELECT a.file, s.length, s.sentence
  FROM articles a, sentences(a.body) s
 ORDER BY s.length DESC LIMIT 1;

.print
.print Names with particles, found with a PCRE2 pattern
-- (inside a sentence only, after a lower-case word or a comma: at the
-- start of one, "Ook de Friese" would look like a name)
SELECT m.match AS name, count(*) AS times
  FROM articles a,
       regexp_matches(a.body, '(?<=[\p{Ll},] )\p{Lu}\p{Ll}+ (?:van der|van den|van de|van|de|De|Van|ter|ten|den) \p{Lu}\p{Ll}+') m
 GROUP BY m.match ORDER BY times DESC, name LIMIT 8;

-- The SQL workflow of sql/ on the same articles: a database file
-- build/demo.db, the import, the analysis, three reports and the HTML
-- report build/demo-report.html (`make demo-db` builds the same).
.open --new build/demo.db
.load ./dist/krant
.mode list
.headers off
.print
.print The workflow of sql/: import examples/articles into build/demo.db, analyse
.read sql/schema.sql
.parameter set :dir examples/articles
.read sql/import_txt.sql
.read sql/import_finish.sql
.read sql/analyze.sql
SELECT printf('%d quotes, %d speakers, %d date mentions', (SELECT count(*) FROM quotes),
              (SELECT count(*) FROM speakers), (SELECT count(*) FROM date_mentions));
.mode box
.headers on

.print
.print Report: the most quoted speakers (sql/reports/top_speakers.sql)
.read sql/reports/top_speakers.sql

.print
.print Report: quotes of women and men per month (sql/reports/gender_over_time.sql)
.read sql/reports/gender_over_time.sql

.print
.print Report: the dates articles talk about, from their publication date (sql/reports/date_horizon.sql)
.read sql/reports/date_horizon.sql

.output build/demo-report.html
.read sql/report_html.sql
.output
.print
.print The HTML report: build/demo-report.html (make report DB=build/demo.db for yours)
