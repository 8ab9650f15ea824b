-- import_jsonl.sql: stage a JSON Lines file (one JSON object per line) for
-- import.
--
--   sqlite3 news.db <<'END'
--   .load ./dist/krant
--   .read sql/schema.sql
--   .parameter set :file 'export.jsonl'
--   .read sql/import_jsonl.sql
--   .read sql/import_finish.sql
--   END
--
-- Each object gives `body` (or `text`), and optionally `title`, `url`,
-- `source` (or `outlet`), `published` (or `date`, YYYY-MM-DD or YYYY-MM; a
-- longer ISO timestamp is cut to its date) and `lang`. Other keys are
-- ignored. The file is read whole with readfile() and split at its newline
-- bytes (found with krant's regexp_matches, which is safe on invalid
-- UTF-8), so every record keeps its line number: a line that is not valid
-- UTF-8 or not a JSON object is reported as `file:line N`. Blank lines are
-- not records.

CREATE TEMP TABLE IF NOT EXISTS import_staging (
  seq INTEGER PRIMARY KEY, origin TEXT, source TEXT, url TEXT, published TEXT,
  title TEXT, body TEXT, lang TEXT, problem TEXT
);

CREATE TEMP TABLE import_file AS SELECT readfile(:file) AS data;
INSERT INTO temp.import_staging(origin, problem)
SELECT :file, 'cannot read the file' FROM temp.import_file WHERE data IS NULL;

-- The lines: byte ranges between the newlines, numbered from 1.
CREATE TEMP TABLE import_lines AS
WITH nl(pos) AS (
  SELECT byte_start FROM regexp_matches((SELECT data FROM temp.import_file), '\n')
  UNION ALL                                     -- the last line, if unterminated
  SELECT length(data) FROM temp.import_file
   WHERE length(data) > 0 AND substr(data, -1) <> x'0a'
)
SELECT row_number() OVER (ORDER BY pos) AS line,
       substr((SELECT data FROM temp.import_file),
              coalesce(lag(pos) OVER (ORDER BY pos) + 2, 1),
              pos - coalesce(lag(pos) OVER (ORDER BY pos) + 1, 0)) AS bytes
  FROM nl;

INSERT INTO temp.import_staging(origin, source, url, published, title, body, lang, problem)
SELECT printf('%s:line %d', :file, line),
       coalesce(j ->> '$.source', j ->> '$.outlet'),
       j ->> '$.url',
       substr(coalesce(j ->> '$.published', j ->> '$.date'), 1,
              CASE WHEN coalesce(j ->> '$.published', j ->> '$.date') GLOB '????-??-??[T ]*'
                   THEN 10 ELSE 99 END),
       j ->> '$.title',
       coalesce(j ->> '$.body', j ->> '$.text'),
       j ->> '$.lang',
       problem
  FROM (SELECT line,
               CASE WHEN problem IS NULL THEN CAST(bytes AS TEXT) END AS j,
               problem
          FROM (SELECT line, bytes,
                       CASE
                         WHEN instr(bytes, x'00') > 0 THEN 'NUL byte in the line'
                         WHEN NOT regexp('\A(?s:.)*+\z', bytes)
                           THEN printf('invalid UTF-8 at byte %d of the line',
                                       (SELECT byte_end FROM regexp_matches(bytes, '\A(?s:.)*+')))
                         WHEN NOT json_valid(CAST(bytes AS TEXT)) THEN 'not valid JSON'
                         WHEN json_type(CAST(bytes AS TEXT)) <> 'object' THEN 'not a JSON object'
                       END AS problem
                  FROM temp.import_lines
                 WHERE trim(CAST(bytes AS TEXT), ' ' || char(9, 13)) <> ''))
 ORDER BY line;

DROP TABLE temp.import_lines;
DROP TABLE temp.import_file;
