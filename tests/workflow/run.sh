#!/bin/sh
# run.sh - tests of the SQL workflow (sql/, examples/analyze_batches.sh,
# make report, the bindings examples). Run by `make test-workflow`:
#
#   sh tests/workflow/run.sh dist/krant
#
# Builds databases from tests/workflow/fixtures (a folder of .txt files with
# an empty, a binary, a Latin-1 and a duplicate-url file among good ones, a
# JSON Lines file with a broken line, a CSV file) and checks the results
# exactly. What the import does is checked against fixed expected text;
# what the analysis stores is checked against krant's functions themselves
# (the tables must hold exactly the rows the functions return), so these
# tests do not depend on how good the extraction is. Ends with
# "N passed, N failed[, N skipped]"; exits 1 on a failure.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
ext=$(cd "$(dirname "${1:-$root/dist/krant}")" && pwd)/$(basename "${1:-$root/dist/krant}")
ext=${ext%.so}; ext=${ext%.dylib}
fixtures=$root/tests/workflow/fixtures
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A private copy of the extension: a rebuild of dist/ during the run must
# not change the functions between the analysis and its checks.
for suffix in so dylib; do
  [ -f "$ext.$suffix" ] && cp "$ext.$suffix" "$tmp/krant.$suffix"
done
ext=$tmp/krant
pass=0 fail=0 skip=0

ok()   { pass=$((pass + 1)); echo "ok   $1"; }
bad()  { fail=$((fail + 1)); echo "FAIL $1"; }
skipped() { skip=$((skip + 1)); echo "skip $1"; }
# check NAME GOT WANT: exact comparison, with a diff on failure
check() {
  if [ "$2" = "$3" ]; then ok "$1"; else
    bad "$1"
    printf '%s\n' "$3" > "$tmp/want"; printf '%s\n' "$2" > "$tmp/got"
    diff -u "$tmp/want" "$tmp/got" | sed 's/^/    /' | head -40
  fi
}
# q DB SQL...: run SQL with krant loaded, list mode, no headers
q() { qdb=$1; shift; sqlite3 -batch -noheader -list -cmd ".load $ext" "$qdb" "$@" 2>&1; }
# same_as_functions DB: the analysis tables hold exactly the functions' rows
same_as_functions() {
  q "$1" "SELECT
    (SELECT count(*) FROM (SELECT article_id, krant_version, n, quote, kind, speaker, mention, role,
        cue, confidence, paragraph, start, length, mention_start, mention_length FROM quotes
      EXCEPT SELECT * FROM analysis_quotes)),
    (SELECT count(*) FROM (SELECT * FROM analysis_quotes EXCEPT SELECT article_id, krant_version,
        n, quote, kind, speaker, mention, role, cue, confidence, paragraph, start, length,
        mention_start, mention_length FROM quotes)),
    (SELECT count(*) FROM quotes) = (SELECT count(*) FROM analysis_quotes),
    (SELECT count(*) FROM (SELECT article_id, krant_version, n, name, key, kind, role, organisation,
        gender, quotes, words, mentions, aliases, first_start, first_length, given_name, particle,
        surname, sort_name FROM speakers EXCEPT SELECT * FROM analysis_speakers)),
    (SELECT count(*) FROM speakers) = (SELECT count(*) FROM analysis_speakers),
    (SELECT count(*) FROM (SELECT article_id, krant_version, n, expression, value, type, first_day,
        last_day, start, length, days FROM date_mentions EXCEPT SELECT * FROM analysis_dates)),
    (SELECT count(*) FROM date_mentions) = (SELECT count(*) FROM analysis_dates),
    (SELECT count(*) FROM articles) = (SELECT count(*) FROM analysed
                                        WHERE krant_version = krant_version()),
    (SELECT count(*) FROM analysed d JOIN articles a ON a.id = d.article_id
      WHERE d.quotes IS NOT (SELECT count(*) FROM extract_quotes(a.body))
         OR d.quotes_named IS NOT (SELECT total(quotes) FROM extract_speakers(a.body) WHERE kind <> 'anonymous')
         OR d.quotes_anonymous IS NOT (SELECT total(quotes) FROM extract_speakers(a.body) WHERE kind = 'anonymous')
         OR d.quotes_women IS NOT (SELECT total(quotes) FROM extract_speakers(a.body) WHERE kind = 'person' AND gender = 'f')
         OR d.quotes_men IS NOT (SELECT total(quotes) FROM extract_speakers(a.body) WHERE kind = 'person' AND gender = 'm')
         OR d.quotes_gender_unknown IS NOT (SELECT total(quotes) FROM extract_speakers(a.body)
                                             WHERE kind = 'person' AND gender IS NULL)),
    (SELECT count(*) FROM (SELECT days, mentions FROM date_days WHERE mentions <> 0
      EXCEPT SELECT days, count(*) FROM date_spans WHERE days IS NOT NULL GROUP BY days)),
    (SELECT count(*) FROM (SELECT days, count(*) FROM date_spans WHERE days IS NOT NULL GROUP BY days
      EXCEPT SELECT days, mentions FROM date_days)),
    (SELECT count(*) FROM analysis_queue)"
}
# (then: the counts in analysed agree with the functions; date_days counts
# the rows of date_spans by days, exactly; the queue is empty)
ALL_SAME='0|0|1|0|1|0|1|1|0|0|0|0'

# ---- 1. import ----------------------------------------------------------------
db=$tmp/news.db
out=$(cd "$fixtures" && KRANT=$ext "$root/sql/import.sh" "$db" txt export.jsonl export.csv 2>&1)
check "import: summary and every skipped record, by name" "$out" "import: 5 imported, 4 skipped, 0 already there
skipped txt/binary.txt: binary file: NUL byte at byte 4
skipped txt/empty.txt: empty file
skipped txt/latin1.txt: invalid UTF-8 at byte 19 (Latin-1? convert the file, e.g. iconv -f latin1 -t utf-8)
skipped txt/zelfde-url.txt: duplicate url https://example.org/nos/woningbouw (also in txt/nos/2024-03-12-woningbouw.txt)
import: 2 imported, 3 skipped, 0 already there
skipped export.jsonl:line 2: not valid JSON
skipped export.jsonl:line 5: missing body
skipped export.jsonl:line 6: invalid UTF-8 at byte 33 of the line
import: 1 imported, 3 skipped, 0 already there
skipped export.csv:record 2: missing body
skipped export.csv:record 3: duplicate url https://example.org/nrc/1 (already imported from export.jsonl:line 1)
skipped export.csv:record 4: invalid date '2024-02-30' (expected YYYY-MM-DD or YYYY-MM)"

check "import: the articles, with header, front matter, folder and field names read" \
  "$(q "$db" "SELECT id, origin, source, url, published, title, lang, length(body) FROM articles")" \
"1|txt/de-standaard/2024-03-13-tramlijn.txt|De Standaard||2024-03-13|Nieuwe tramlijn in Gent vertraagd|nl-BE|304
2|txt/nos/2024-03-05-dijkbewaking.txt|nos||2024-03-05|Waterschap verscherpt dijkbewaking||339
3|txt/nos/2024-03-12-woningbouw.txt|nos|https://example.org/nos/woningbouw|2024-03-12|Gemeente bouwt minder woningen dan beloofd|nl-NL|266
4|txt/script.txt|<script>alert(\"bron\")</script> & Co||2024-03-15|Hacker probeert website over te nemen||96
5|txt/windows.txt|||2024-03|Vergadering over de begroting||51
6|export.jsonl:line 1|NRC|https://example.org/nrc/1|2024-03-11|Stikstofplan op de helling||164
7|export.jsonl:line 3|Trouw|https://example.org/trouw/1|2024-03-19|Boeren blokkeren snelweg||81
8|export.csv:record 1|HLN|https://example.org/hln/1|2024-03-20|Stadion krijgt nieuw dak|nl-BE|110"

check "import: body after the title, BOM and CR gone, line breaks of a CSV field kept" \
  "$(q "$db" "SELECT quote(body) FROM articles WHERE id IN (5, 8)")" \
"'‘We moeten bezuinigen’, zegt wethouder Ruud Bakker.'
'Het stadion krijgt een nieuw dak. ‘Eindelijk’, zegt clubvoorzitter Wim Peeters.
‘De supporters verdienen dit.’'"

check "import: import_errors names every skipped record" \
  "$(q "$db" "SELECT origin FROM import_errors ORDER BY id")" \
"txt/binary.txt
txt/empty.txt
txt/latin1.txt
txt/zelfde-url.txt
export.jsonl:line 2
export.jsonl:line 5
export.jsonl:line 6
export.csv:record 2
export.csv:record 3
export.csv:record 4"

out=$(cd "$fixtures" && KRANT=$ext "$root/sql/import.sh" "$db" txt 2>&1 | head -1)
check "import again: nothing new, the bad files reported again" "$out" \
  "import: 0 imported, 4 skipped, 5 already there"
check "import again: import_errors holds each problem once" \
  "$(q "$db" "SELECT count(*), count(DISTINCT origin) FROM import_errors")" "10|10"

# ---- 2. analysis --------------------------------------------------------------
out=$(cd "$root" && q "$db" ".read sql/analyze.sql")
check "analyze.sql: analyses every article" "$out" "analysed 8 articles"
check "analyze.sql: the tables hold exactly what the functions return" "$(same_as_functions "$db")" "$ALL_SAME"
check "analyze.sql: every quote is substr(body, start, length)" \
  "$(q "$db" "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id
              WHERE q.quote IS NOT substr(a.body, q.start, q.length)")" "0"
check "analyze.sql: every row carries this krant version, foreign keys hold" \
  "$(q "$db" "SELECT (SELECT count(*) FROM quotes WHERE krant_version IS NOT krant_version())
                   + (SELECT count(*) FROM speakers WHERE krant_version IS NOT krant_version())
                   + (SELECT count(*) FROM date_mentions WHERE krant_version IS NOT krant_version());
              PRAGMA foreign_key_check;")" "0"
before=$(q "$db" "SELECT count(*) FROM quotes; SELECT count(*) FROM speakers; SELECT count(*) FROM date_mentions")
out=$(cd "$root" && q "$db" ".read sql/analyze.sql")
check "analyze.sql again: nothing to do (idempotent)" "$out" "analysed 0 articles"
check "analyze.sql again: the tables unchanged" \
  "$(q "$db" "SELECT count(*) FROM quotes; SELECT count(*) FROM speakers; SELECT count(*) FROM date_mentions")" "$before"

# rows of an older krant version: re-analysed, the old rows gone
q "$db" "UPDATE quote_spans SET krant_version = 'v0.0.0-old' WHERE article_id IN (2, 3);
         UPDATE speakers SET krant_version = 'v0.0.0-old' WHERE article_id IN (2, 3);
         UPDATE date_spans SET krant_version = 'v0.0.0-old' WHERE article_id IN (2, 3);
         UPDATE analysed SET krant_version = 'v0.0.0-old' WHERE article_id IN (2, 3);" >/dev/null
out=$(cd "$root" && q "$db" ".read sql/analyze.sql")
check "analyze.sql: re-analyses the articles of another krant version" "$out" "analysed 2 articles"
check "analyze.sql: no rows of the old version left, all as the functions return" \
  "$(q "$db" "SELECT count(*) FROM quotes WHERE krant_version = 'v0.0.0-old'")|$(same_as_functions "$db")" "0|$ALL_SAME"

# a changed body: the trigger of schema.sql forgets the analysis
q "$db" "UPDATE articles SET body = body || char(10) || '‘Nog één ding’, zegt Jan Jansen.' WHERE id = 7" >/dev/null
check "changed body: its analysis is forgotten" \
  "$(q "$db" "SELECT count(*) FROM analysed WHERE article_id = 7; SELECT count(*) FROM quotes WHERE article_id = 7")" "0
0"
out=$(cd "$root" && q "$db" ".read sql/analyze.sql")
check "changed body: analysed again" "$out|$(same_as_functions "$db")" "analysed 1 articles|$ALL_SAME"

# ---- 3. batches with progress ---------------------------------------------------
cp "$db" "$tmp/batch.db"
q "$tmp/batch.db" "DELETE FROM quote_spans; DELETE FROM speakers; DELETE FROM date_spans; DELETE FROM analysed" >/dev/null
out=$(KRANT=$ext sh "$root/examples/analyze_batches.sh" "$tmp/batch.db" 3 2>&1)
check "analyze_batches.sh: one progress line per batch" \
  "$(printf '%s\n' "$out" | sed 's/ articles\/s.*//; s/, [0-9]*$//')" \
"analysed 3 of 8 articles (37.5 %)
analysed 6 of 8 articles (75.0 %)
analysed 8 of 8 articles (100.0 %)"
check "analyze_batches.sh: rate and time left or taken on each line" \
  "$(printf '%s\n' "$out" | sed -n 's/.*, [0-9]* articles\/s, \(about\|done in\) [0-9].*/\1/p' | tr '\n' ' ')" \
  "about about done in "
check "analyze_batches.sh: the same tables as one run" "$(same_as_functions "$tmp/batch.db")" "$ALL_SAME"
check "analyze_batches.sh again: nothing to do" \
  "$(KRANT=$ext sh "$root/examples/analyze_batches.sh" "$tmp/batch.db" 3 2>&1)" \
  "nothing to analyse: every article is analysed by this krant version"

# ---- 4. the trigger variant -------------------------------------------------------
tdb=$tmp/trigger.db
(cd "$root" && q "$tdb" ".read sql/schema.sql" ".read sql/analyze_trigger.sql") >/dev/null
(cd "$fixtures" && KRANT=$ext "$root/sql/import.sh" "$tdb" txt export.jsonl export.csv) >/dev/null 2>&1
check "analyze_trigger.sql: every inserted article analysed on insert" "$(same_as_functions "$tdb")" "$ALL_SAME"
q "$tdb" "UPDATE articles SET body = '‘Alles is anders’, zegt Jan Jansen.' WHERE id = 2;
          UPDATE articles SET published = '2024-03-07' WHERE id = 1" >/dev/null
check "analyze_trigger.sql: a new body or date analysed again at once" "$(same_as_functions "$tdb")" "$ALL_SAME"

# ---- 4b. upgrading a database of the previous layout ------------------------------
# made with the first release's schema (fixtures/schema-v1.sql), with its
# trigger variant on, and the fixture articles inserted (analysed by its
# trigger analysed_fill); then the current schema.sql is read, as import.sh does
udb=$tmp/upgrade.db
q "$udb" ".read $fixtures/schema-v1.sql" ".read $root/sql/analyze_trigger.sql" \
  "ATTACH '$db' AS src" "INSERT INTO articles SELECT * FROM src.articles WHERE id <= 6" >/dev/null
check "upgrade: the old layout, analysed by its own triggers" \
  "$(q "$udb" "SELECT (SELECT count(*) FROM analysed), (SELECT count(*) FROM date_spans) > 0,
                      (SELECT count(*) FROM pragma_index_list('speakers')),
                      (SELECT user_version FROM pragma_user_version)")" "6|1|3|0"
(cd "$root" && q "$udb" ".read sql/schema.sql") >/dev/null
check "upgrade: schema.sql drops the per-article trigger and the two indexes, fills date_days" \
  "$(q "$udb" "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_schema
                WHERE name IN ('analysed_fill', 'analysis_counts', 'speakers_article', 'date_spans_days',
                               'date_days', 'analysis_run_queue', 'analysed_analyse') ORDER BY name);
              SELECT user_version FROM pragma_user_version")|$(same_as_functions "$udb")" \
  "analysed_analyse analysis_run_queue date_days
2|$ALL_SAME"
q "$udb" "ATTACH '$db' AS src" "INSERT INTO articles SELECT * FROM src.articles WHERE id > 6" >/dev/null
check "upgrade: the trigger variant analyses new articles, analyze.sql has nothing left to do" \
  "$(cd "$root" && q "$udb" ".read sql/analyze.sql")|$(same_as_functions "$udb")" "analysed 0 articles|$ALL_SAME"
q "$udb" "PRAGMA foreign_keys = ON" "DELETE FROM articles WHERE id = 3" \
  "UPDATE articles SET published = '2024-03-01' WHERE id = 2" >/dev/null
check "upgrade: deleting and changing articles afterwards" "$(same_as_functions "$udb")" "$ALL_SAME"

# ---- 5. reports: each against a computation straight from the functions -----------
# horizon DB: the date_horizon buckets (label|mentions) straight from the functions
horizon() {
  q "$1" "WITH m AS (SELECT (julianday(d.first_day) + julianday(d.last_day)) / 2 - julianday(a.published) AS x
                FROM articles a, extract_dates(a.body, a.published) d
               WHERE length(a.published) = 10 AND d.first_day IS NOT NULL AND d.last_day IS NOT NULL)
              SELECT 'more than a year before|' || count(*) FILTER (WHERE x < -365),
                     'a month to a year before|' || count(*) FILTER (WHERE x >= -365 AND x < -31),
                     'a week to a month before|' || count(*) FILTER (WHERE x >= -31 AND x < -7),
                     '2 to 7 days before|' || count(*) FILTER (WHERE x >= -7 AND x < -1),
                     'the day before|' || count(*) FILTER (WHERE x >= -1 AND x < 0),
                     'the day of publication|' || count(*) FILTER (WHERE x >= 0 AND x < 1),
                     'the day after|' || count(*) FILTER (WHERE x >= 1 AND x < 2),
                     '2 to 7 days after|' || count(*) FILTER (WHERE x >= 2 AND x < 8),
                     'a week to a month after|' || count(*) FILTER (WHERE x >= 8 AND x < 32),
                     'a month to a year after|' || count(*) FILTER (WHERE x >= 32 AND x < 366),
                     'more than a year after|' || count(*) FILTER (WHERE x >= 366)
                FROM m" | tr '|' '\n' | paste -d'|' - -
}
rep() { (cd "$root" && q "$db" ".read sql/reports/$1.sql"); }
for r in top_speakers gender_over_time quotes_per_outlet_week keyword_speakers date_horizon speaker_pairs anonymous_share; do
  head=$(sed -n '1p' "$root/sql/reports/$r.sql")
  case "$head" in "-- Question: "*) ok "$r: header says what question it answers" ;;
                  *) bad "$r: no '-- Question:' header" ;; esac
done
check "top_speakers: each speaker's quotes and articles" \
  "$(rep top_speakers | cut -d'|' -f4,5 | sort | tr '\n' ' ')" \
  "$(q "$db" "SELECT sum(s.quotes) || '|' || count(*) FROM articles a, extract_speakers(a.body) s
              WHERE s.kind <> 'anonymous' GROUP BY speaker_key(s.name)" | sort | tr '\n' ' ')"
total=$(q "$db" "SELECT sum(s.quotes) FROM articles a, extract_speakers(a.body) s")
check "top_speakers: share = quotes / all attributed quotes" \
  "$(rep top_speakers | awk -F'|' -v t="$total" '{ if (sprintf("%.1f", 100 * $4 / t) != $6) print "wrong: " $0 }')" ""
check "gender_over_time: every quote of a person, by month and gender" \
  "$(rep gender_over_time | cut -d'|' -f1-4)" \
  "$(q "$db" "SELECT substr(a.published, 1, 7), total(s.quotes) FILTER (WHERE s.gender = 'f'),
                     total(s.quotes) FILTER (WHERE s.gender = 'm'), total(s.quotes) FILTER (WHERE s.gender IS NULL)
              FROM articles a, extract_speakers(a.body) s WHERE s.kind = 'person'
              GROUP BY 1 ORDER BY 1" | sed 's/\.0//g')"
check "quotes_per_outlet_week: quotes of the dated articles" \
  "$(rep quotes_per_outlet_week | cut -d'|' -f1,2,4 | sort)" \
  "$(q "$db" "SELECT coalesce(a.source, '(unknown)'), date(a.published, '-6 days', 'weekday 1'),
                     (SELECT count(*) FROM extract_quotes(a.body))
              FROM articles a WHERE length(a.published) = 10" | sort)"
check "keyword_speakers: the speakers of the matching articles" \
  "$(cd "$root" && q "$db" ".parameter set :keyword '(?i)tram|dijk'" ".read sql/reports/keyword_speakers.sql" | cut -d'|' -f2,3 | sort)" \
  "$(q "$db" "SELECT sum(s.quotes) || '|' || count(*) FROM articles a, extract_speakers(a.body) s
              WHERE a.body REGEXP '(?i)tram|dijk' GROUP BY speaker_key(s.name)" | sort)"
check "date_horizon: every mention with a first and last day, in one bucket" \
  "$(rep date_horizon | awk -F'|' '{ s += $2 } END { print s + 0 }')" \
  "$(q "$db" "SELECT count(*) FROM articles a, extract_dates(a.body, a.published) d
              WHERE length(a.published) = 10 AND d.first_day IS NOT NULL AND d.last_day IS NOT NULL")"
check "date_horizon: the buckets, by days from publication to the middle of the period" \
  "$(rep date_horizon | cut -d'|' -f1,2)" "$(horizon "$db")"
check "anonymous_share: every quote of every outlet" \
  "$(rep anonymous_share | cut -d'|' -f1,3,5 | sort)" \
  "$(q "$db" "SELECT coalesce(a.source, '(unknown)'), sum((SELECT count(*) FROM extract_quotes(a.body))),
                     sum((SELECT total(quotes) FROM extract_speakers(a.body) WHERE kind = 'anonymous'))
              FROM articles a GROUP BY 1" | sed 's/\.0$//' | sort)"

# ---- 5b. the speaker and date reports on examples/articles --------------------------
# (24 articles, more speakers than the reports show), against the same
# definitions written plainly over the functions
# plus 60 generated articles quoting three of 30 persons each, so that more
# than 25 speakers and 25 pairs compete
edb=$tmp/examples.db
KRANT=$ext "$root/sql/import.sh" "$edb" "$root/examples/articles" >/dev/null 2>&1
q "$edb" "WITH names(i, name) AS (SELECT row_number() OVER () - 1, column1 FROM (VALUES
    ('Jan Aalders'), ('Piet Bakker'), ('Karin Claessens'), ('Sanne de Boer'), ('Ahmed El Amrani'),
    ('Femke Jansen'), ('Luuk Visser'), ('Noor Smit'), ('Bram Mulder'), ('Eva de Graaf'),
    ('Tom Peeters'), ('Lotte Maes'), ('Daan Willems'), ('Iris Hendriks'), ('Ruben Dekker'),
    ('Mila Verbeek'), ('Sem Kuipers'), ('Julia Postma'), ('Finn Vos'), ('Zoë Brouwer'),
    ('Lars Huisman'), ('Anna Koster'), ('Thijs Prins'), ('Sara Wouters'), ('Milan Bos'),
    ('Fleur Dijkman'), ('Jesse Kok'), ('Roos Timmermans'), ('Stijn Goossens'), ('Yara Lambrecht'))),
  gen(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM gen WHERE i < 60)
  INSERT INTO articles(origin, source, published, body)
  SELECT 'generated:' || i, 'Test', date('2024-01-01', '+' || i || ' days'),
         '‘Het plan deugt niet’, zegt ' || (SELECT name FROM names WHERE names.i = gen.i % 30) || '. '
      || '‘We gaan door’, zegt ' || (SELECT name FROM names WHERE names.i = (gen.i * 7 + 3) % 30) || '. '
      || '‘Dat zien we nog’, zegt ' || (SELECT name FROM names WHERE names.i = (gen.i * 11 + 5) % 30) || '.'
    FROM gen" >/dev/null
(cd "$root" && q "$edb" ".read sql/analyze.sql") >/dev/null
erep() { (cd "$root" && q "$edb" "$@"); }
SPEAKERS="sp AS (SELECT a.id AS aid, speaker_key(s.name) AS key, s.name, s.kind, s.role, s.quotes
                    FROM articles a, extract_speakers(a.body) s)"
check "examples: top_speakers, every column" \
  "$(erep ".read sql/reports/top_speakers.sql")" \
  "$(q "$edb" "WITH $SPEAKERS,
    named AS (SELECT * FROM sp WHERE kind <> 'anonymous'),
    per AS (SELECT key, sum(quotes) AS q, count(*) AS n FROM named GROUP BY key ORDER BY q DESC, n DESC, key LIMIT 25)
    SELECT (SELECT name FROM named WHERE key = per.key GROUP BY name ORDER BY count(*) DESC, name LIMIT 1),
           (SELECT kind FROM named WHERE key = per.key GROUP BY kind ORDER BY count(*) DESC, kind LIMIT 1),
           (SELECT role FROM named WHERE key = per.key AND role IS NOT NULL
             GROUP BY role ORDER BY count(*) DESC, role LIMIT 1),
           q, n, printf('%.1f', 100.0 * q / (SELECT sum(quotes) FROM sp))
      FROM per ORDER BY q DESC, n DESC, key")"
check "examples: speaker_pairs, the 25 most frequent pairs of the 25 speakers in most articles" \
  "$(erep ".read sql/reports/speaker_pairs.sql")" \
  "$(q "$edb" "WITH $SPEAKERS,
    named AS (SELECT * FROM sp WHERE kind <> 'anonymous'),
    top AS (SELECT key FROM named GROUP BY key ORDER BY count(*) DESC, key LIMIT 25),
    per AS (SELECT aid, key, sum(quotes) AS q FROM named WHERE key IN top GROUP BY aid, key),
    pairs AS (SELECT x.key AS k1, y.key AS k2, count(*) AS n, sum(x.q) AS q1, sum(y.q) AS q2
                FROM per x JOIN per y ON y.aid = x.aid AND y.key > x.key GROUP BY 1, 2)
    SELECT (SELECT max(name) FROM sp WHERE key = k1), (SELECT max(name) FROM sp WHERE key = k2), n, q1, q2
      FROM pairs ORDER BY n DESC, q1 + q2 DESC, k1, k2 LIMIT 25")"
check "examples: speaker_pairs has 25 pairs to show" "$(erep ".read sql/reports/speaker_pairs.sql" | wc -l)" "25"
# keyword_speakers adds up its speakers in two ways, by the share of matching
# articles: a subject in most articles and one in a few take one each
for kw in '(?i)\\bde\\b' '(?i)\\bwoning'; do
  check "examples: keyword_speakers for $kw" \
    "$(erep ".parameter set :keyword '$kw'" ".read sql/reports/keyword_speakers.sql" | cut -d'|' -f1-3)" \
    "$(q "$edb" ".parameter set :keyword '$kw'" "WITH $SPEAKERS,
      per AS (SELECT key, sum(quotes) AS q, count(*) AS n FROM sp
               WHERE aid IN (SELECT id FROM articles WHERE body REGEXP :keyword)
               GROUP BY key ORDER BY q DESC, n DESC, key LIMIT 25)
      SELECT (SELECT max(name) FROM sp WHERE key = per.key), q, n FROM per ORDER BY q DESC, n DESC, key")"
done
check "examples: the two subjects take the two ways (matching articles: many, few)" \
  "$(q "$edb" "SELECT (SELECT count(*) FROM articles WHERE body REGEXP '(?i)\\bde\\b') * 4 >= count(*),
                     (SELECT count(*) FROM articles WHERE body REGEXP '(?i)\\bwoning') * 4 < count(*)
                FROM analysed")" "1|1"
check "examples: date_horizon" "$(erep ".read sql/reports/date_horizon.sql" | cut -d'|' -f1,2)" \
  "$(horizon "$edb")"

# ---- 6. the HTML report -------------------------------------------------------------
html=$tmp/report.html
(cd "$root" && make --no-print-directory -s -o dist/krant.so -o dist/krant.dylib report DB="$db" OUT="$html" KRANT="$ext" KEYWORD='(?i)<b>|tram' >/dev/null 2>"$tmp/report.err")
if [ -s "$html" ]; then ok "make report: writes the HTML file"; else bad "make report: no HTML file ($(cat "$tmp/report.err"))"; fi
check "HTML: four inline SVG charts, every one closed" \
  "$(grep -o '<svg xmlns' "$html" | wc -l)|$(grep -o '</svg>' "$html" | wc -l)" "4|4"
check "HTML: one table per report" "$(grep -o '<table>' "$html" | wc -l)" "7"
check "HTML: a <script> in the data shows as text" \
  "$(grep -c '<script' "$html")|$(grep -c '&lt;script&gt;alert(&quot;bron&quot;)&lt;/script&gt; &amp; Co' "$html")" "0|2"
check "HTML: KEYWORD= sets the subject of the keyword report, escaped" \
  "$(grep -c 'whose body matches (?i)&lt;b&gt;|tram?' "$html")" "1"
check "HTML: nothing to fetch (no src, href, link, import or url())" \
  "$(grep -ciE ' src=| href=|<link|@import|url\(|<script|<iframe|<img' "$html")" "0"
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "(installing chromium for the screenshot test)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 || true
fi
if command -v chromium >/dev/null 2>&1; then
  png=$tmp/report.png
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$tmp/chromium" \
    --window-size=1000,2000 --screenshot="$png" "file://$html" >/dev/null 2>&1
  check "HTML: headless Chromium renders a screenshot (PNG)" \
    "$(head -c 8 "$png" 2>/dev/null | od -An -c | tr -d ' ')|$([ "$(wc -c < "$png" 2>/dev/null || echo 0)" -gt 20000 ] && echo big)" \
    '211PNG\r\n032\n|big'
else
  skipped "HTML screenshot: chromium is not installed (apt-get install chromium)"
fi

# make demo: its tables on the terminal, the whole HTML report in its file
# (report_html.sql must not reset the output that demo.sql opened)
(cd "$root" && make --no-print-directory -s -o dist/krant.so -o dist/krant.dylib demo >"$tmp/demo.out" 2>&1)
check "make demo: the reports as tables, no HTML on the terminal" \
  "$(grep -c '^Report: ' "$tmp/demo.out")|$(grep -c '<!DOCTYPE\|<svg' "$tmp/demo.out")" "3|0"
check "make demo: build/demo-report.html is the whole report" \
  "$(head -c 15 "$root/build/demo-report.html")|$(tail -n 1 "$root/build/demo-report.html")|$(grep -o '<svg xmlns' "$root/build/demo-report.html" | wc -l)" \
  "<!DOCTYPE html>|</body></html>|4"

# ---- 7. from Python, Node and sqlite-utils -----------------------------------------
py=""
for p in python3 /usr/bin/python3; do
  if command -v $p >/dev/null 2>&1 && $p -c 'import sqlite3,sys; sys.exit(not hasattr(sqlite3.connect(":memory:"), "enable_load_extension"))' 2>/dev/null; then
    py=$p; break
  fi
done
if [ -n "$py" ]; then
  if out=$($py "$root/tests/workflow/example_python.py" "$ext" 2>&1); then ok "Python sqlite3: $(echo "$out" | tail -1)"
  else bad "Python sqlite3"; echo "$out" | sed 's/^/    /'; fi
else
  skipped "Python: no python3 whose sqlite3 module can load extensions"
fi
if command -v node >/dev/null 2>&1 && [ -d "$root/build/node/node_modules/better-sqlite3" ]; then
  if out=$(NODE_PATH="$root/build/node/node_modules" node "$root/tests/workflow/example_node.js" "$ext" 2>&1); then
    ok "Node better-sqlite3: $(echo "$out" | tail -1)"
  else bad "Node better-sqlite3"; echo "$out" | sed 's/^/    /'; fi
else
  skipped "Node: better-sqlite3 is not installed in build/node (make test-bindings installs it)"
fi
if ! command -v sqlite-utils >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite-utils >/dev/null 2>&1 || true
fi
if command -v sqlite-utils >/dev/null 2>&1; then
  so=$(ls "$ext".so "$ext".dylib 2>/dev/null | head -1)
  check "sqlite-utils --load-extension: a query over the analysis" \
    "$(sqlite-utils query "$db" "SELECT count(*) AS n FROM quotes" --load-extension "$so" --csv | tr -d '\r')" \
    "n
$(q "$db" "SELECT count(*) FROM articles a, extract_quotes(a.body)")"
  check "sqlite-utils --load-extension: krant's functions" \
    "$(sqlite-utils memory "SELECT parse_dutch_date('15 februari 2022') AS d" --load-extension "$so" --csv | tr -d '\r')" \
    "d
2022-02-15"
else
  skipped "sqlite-utils: not installed (apt-get install sqlite-utils)"
fi

if [ $skip -gt 0 ]; then echo "$pass passed, $fail failed, $skip skipped"
else echo "$pass passed, $fail failed"; fi
[ $fail -eq 0 ]
