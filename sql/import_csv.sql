-- import_csv.sql: stage a CSV file for import.
--
--   sqlite3 news.db <<'END'
--   .load ./dist/krant
--   .read sql/schema.sql
--   .import --csv --schema temp export.csv import_csv
--   .parameter set :file 'export.csv'
--   .read sql/import_csv.sql
--   .read sql/import_finish.sql
--   END
--
-- The shell's .import parses the CSV (RFC 4180: quoted fields may hold
-- commas, quotes and line breaks) into the new table temp.import_csv, whose
-- columns are named by the CSV's header row. The columns used are `body` (or
-- `text`), `title`, `url`, `source` (or `outlet`), `published` (or `date`)
-- and `lang`, in any order; any of them may be missing, other columns are
-- ignored. Records are reported as `file:record N` (N counts the records
-- after the header; a record may span several lines).

CREATE TEMP TABLE IF NOT EXISTS import_staging (
  seq INTEGER PRIMARY KEY, origin TEXT, source TEXT, url TEXT, published TEXT,
  title TEXT, body TEXT, lang TEXT, problem TEXT
);

-- A column the CSV lacks is read as NULL: inside each subquery a name is
-- looked up in temp.import_csv first and, when that has no such column, in
-- the outer row `d`, which has them all as NULL.
INSERT INTO temp.import_staging(origin, source, url, published, title, body, lang, problem)
SELECT printf('%s:record %d', :file, r),
       src, url, published, title, body, lang,
       CASE
         WHEN instr(coalesce(body, '') || coalesce(title, '') || coalesce(src, ''), char(0)) > 0
           THEN 'NUL character in the record'
         WHEN NOT regexp('\A(?s:.)*+\z', coalesce(body, '') || coalesce(title, '') || coalesce(src, ''))
           THEN 'invalid UTF-8 (Latin-1? convert the file, e.g. iconv -f latin1 -t utf-8)'
       END
  FROM (SELECT d.r,
               (SELECT coalesce(source, outlet) FROM temp.import_csv WHERE rowid = d.r) AS src,
               (SELECT url FROM temp.import_csv WHERE rowid = d.r) AS url,
               (SELECT coalesce(published, date) FROM temp.import_csv WHERE rowid = d.r) AS published,
               (SELECT title FROM temp.import_csv WHERE rowid = d.r) AS title,
               (SELECT coalesce(body, text) FROM temp.import_csv WHERE rowid = d.r) AS body,
               (SELECT lang FROM temp.import_csv WHERE rowid = d.r) AS lang
          FROM (SELECT rowid AS r, NULL AS source, NULL AS outlet, NULL AS url,
                       NULL AS published, NULL AS date, NULL AS title, NULL AS body,
                       NULL AS text, NULL AS lang
                  FROM temp.import_csv) AS d)
 ORDER BY r;

DROP TABLE temp.import_csv;
