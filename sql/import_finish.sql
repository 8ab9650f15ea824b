-- import_finish.sql: check the staged records, import the good ones,
-- record and show the bad ones. Read it after import_txt.sql,
-- import_jsonl.sql or import_csv.sql (sql/import.sh does).
--
-- A record is skipped, with its origin and the problem in import_errors,
-- when it has no body, a publication date that is not a real
-- YYYY-MM-DD or YYYY-MM date, a lang other than nl-NL / nl-BE, or a url
-- that an article already has (or an earlier record of the same import).
-- A record whose origin is already in articles was imported before and is
-- left alone. Nothing else is skipped.

UPDATE temp.import_staging AS s SET problem = CASE
    WHEN body IS NULL OR trim(body, ' ' || char(9, 10, 13)) = '' THEN 'missing body'
    WHEN published IS NOT NULL AND published <> ''
         AND NOT (published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                  AND date(julianday(published)) IS published
               OR published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'
                  AND date(julianday(published || '-01')) IS published || '-01')
      THEN printf('invalid date ''%s'' (expected YYYY-MM-DD or YYYY-MM)', published)
    WHEN lang IS NOT NULL AND lang <> '' AND lang NOT IN ('nl-NL', 'nl-BE')
      THEN printf('invalid lang ''%s'' (expected nl-NL or nl-BE)', lang)
    WHEN url IS NOT NULL AND url <> '' AND EXISTS (SELECT 1 FROM articles a WHERE a.url = s.url)
      THEN printf('duplicate url %s (already imported from %s)', url,
                  (SELECT coalesce(a.origin, 'article ' || a.id) FROM articles a WHERE a.url = s.url))
    WHEN url IS NOT NULL AND url <> '' AND EXISTS (SELECT 1 FROM temp.import_staging e
                                     WHERE e.url = s.url AND e.seq < s.seq)
      THEN printf('duplicate url %s (also in %s)', url,
                  (SELECT e.origin FROM temp.import_staging e
                    WHERE e.url = s.url AND e.seq < s.seq ORDER BY e.seq LIMIT 1))
  END
  WHERE s.problem IS NULL
   AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.origin = s.origin);

-- Counts for the summary, before the staging table is emptied.
CREATE TEMP TABLE import_summary AS
SELECT count(*) FILTER (WHERE a.id IS NULL AND s.problem IS NULL) AS imported,
       count(*) FILTER (WHERE a.id IS NULL AND s.problem IS NOT NULL) AS skipped,
       count(a.id) AS known,
       (SELECT coalesce(max(id), 0) FROM import_errors) AS last_error
  FROM temp.import_staging s LEFT JOIN articles a ON a.origin = s.origin;

-- A record that fails again replaces its earlier error row.
DELETE FROM import_errors WHERE origin IN (SELECT origin FROM temp.import_staging);
INSERT INTO import_errors(origin, problem)
SELECT origin, problem FROM temp.import_staging s
 WHERE problem IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.origin = s.origin)
 ORDER BY seq;

INSERT INTO articles(origin, source, url, published, title, body, lang)
SELECT origin, nullif(trim(source), ''), nullif(trim(url), ''), nullif(trim(published), ''),
       nullif(trim(title), ''), body, nullif(trim(lang), '')
  FROM temp.import_staging s
 WHERE problem IS NULL
   AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.origin = s.origin)
 ORDER BY seq;

-- The summary, then every problem of this import, by origin.
SELECT printf('import: %d imported, %d skipped, %d already there', imported, skipped, known)
       AS import FROM temp.import_summary;
SELECT printf('skipped %s: %s', e.origin, e.problem) AS problem
  FROM import_errors e, temp.import_summary s
 WHERE e.id > s.last_error ORDER BY e.id;

DROP TABLE temp.import_summary;
DELETE FROM temp.import_staging;
