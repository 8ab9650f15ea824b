-- import_txt.sql: stage a folder of .txt articles for import.
--
--   sqlite3 news.db <<'END'
--   .load ./dist/krant
--   .read sql/schema.sql
--   .parameter set :dir 'path/to/folder'
--   .read sql/import_txt.sql
--   .read sql/import_finish.sql
--   END
--
-- (sql/import.sh does all of this for folders, .jsonl and .csv files.)
-- Reads every *.txt file under :dir, sub-folders included, with the shell's
-- fsdir(). A file is one article:
--
--   date 2022-02-16            optional header lines: `date YYYY-MM[-DD]`,
--   source: NOS                `source:`, `url:`, `title:`, `lang:` (nl-NL or
--   Titel van het artikel      nl-BE); or a front matter between two `---`
--                              lines holding any `key: value` lines.
--   Eerste alinea...           Then the title line, unless the header gave a
--                              title, then the body.
--
-- When no header names the source, the name of the sub-folder of :dir the
-- file is in is taken as the outlet (`nos/2022-02-16-oekraine.txt`).
-- Files that are empty, binary (a NUL byte) or not UTF-8 (Latin-1...) are
-- staged with their problem; import_finish.sql reports them and imports
-- the rest.

CREATE TEMP TABLE IF NOT EXISTS import_staging (
  seq INTEGER PRIMARY KEY, origin TEXT, source TEXT, url TEXT, published TEXT,
  title TEXT, body TEXT, lang TEXT, problem TEXT
);

-- 1. the files, and what is wrong with their bytes
CREATE TEMP TABLE import_txt AS
SELECT name AS origin, data,
       CASE
         WHEN length(data) = 0 THEN 'empty file'
         WHEN instr(data, x'00') > 0
           THEN printf('binary file: NUL byte at byte %d', instr(data, x'00') - 1)
         WHEN NOT regexp('\A(?s:.)*+\z', data)
           THEN printf('invalid UTF-8 at byte %d (Latin-1? convert the file, e.g. iconv -f latin1 -t utf-8)',
                       (SELECT byte_end FROM regexp_matches(data, '\A(?s:.)*+')))
       END AS problem
  FROM fsdir(:dir)
 WHERE name GLOB '*.txt' AND (mode & 61440) = 32768   -- regular files
 ORDER BY name;

-- 2. split the good ones: header lines, title line, body
CREATE TEMP TABLE import_txt_parts AS
SELECT t.origin,
       -- the folder under :dir, as the outlet
       CASE WHEN instr(substr(t.origin, length(rtrim(:dir, '/')) + 2), '/') > 0
            THEN substr(t.origin, length(rtrim(:dir, '/')) + 2,
                        instr(substr(t.origin, length(rtrim(:dir, '/')) + 2), '/') - 1)
       END AS folder,
       json_extract(h.groups, '$[0]') AS header,
       substr(replace(CAST(t.data AS TEXT), char(13, 10), char(10)), h.length + 1) AS rest
  FROM temp.import_txt t,
       regexp_matches(replace(CAST(t.data AS TEXT), char(13, 10), char(10)),
         '\A\x{FEFF}?(?|---[ \t]*\n((?:[A-Za-z_][\w-]*:[^\n]*\n)*)---[ \t]*(?:\n|\z)'
         || '|((?:(?:date:?[ \t]+\d{4}-\d\d(?:-\d\d)?|(?:source|url|title|lang):[^\n]*)[ \t]*(?:\n|\z))*))') h
 WHERE t.problem IS NULL;

INSERT INTO temp.import_staging(origin, source, url, published, title, body, lang, problem)
SELECT origin, coalesce(src, folder), url, published,
       coalesce(htitle, CASE WHEN tl.length < length(rest) THEN trim(json_extract(tl.groups, '$[0]')) END),
       trim(CASE WHEN htitle IS NULL AND tl.length < length(rest) THEN substr(rest, tl.length + 1)
                 ELSE rest END, ' ' || char(9, 10)),
       lang, NULL
  FROM (SELECT p.*,
               (SELECT json_extract(groups, '$[0]') FROM regexp_matches(p.header,
                  '(?m)^(?:source|outlet):[ \t]*(.*?)[ \t]*$')) AS src,
               (SELECT json_extract(groups, '$[0]') FROM regexp_matches(p.header,
                  '(?m)^url:[ \t]*(.*?)[ \t]*$')) AS url,
               (SELECT json_extract(groups, '$[0]') FROM regexp_matches(p.header,
                  '(?m)^(?:date|published):?[ \t]*(.*?)[ \t]*$')) AS published,
               (SELECT json_extract(groups, '$[0]') FROM regexp_matches(p.header,
                  '(?m)^title:[ \t]*(.*?)[ \t]*$')) AS htitle,
               (SELECT json_extract(groups, '$[0]') FROM regexp_matches(p.header,
                  '(?m)^lang:[ \t]*(.*?)[ \t]*$')) AS lang
          FROM temp.import_txt_parts p),
       regexp_matches(rest, '\A\s*+([^\n]*)(?:\n|\z)') tl
UNION ALL
SELECT origin, NULL, NULL, NULL, NULL, NULL, NULL, problem
  FROM temp.import_txt WHERE problem IS NOT NULL
 ORDER BY 1;

DROP TABLE temp.import_txt;
DROP TABLE temp.import_txt_parts;
