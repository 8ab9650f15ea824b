#!/bin/sh
# analyze_batches.sh - run sql/analyze.sql in batches and show progress, so
# that analysing a million articles does not look like a hang.
#
#   examples/analyze_batches.sh news.db [BATCH]      (BATCH: default 1000)
#
# Prints one line per batch:
#   analysed 12000 of 1000000 articles (1.2 %), 2400 articles/s, about 6 min 52 s left
# Each batch is one transaction (see sql/analyze.sql): stopping the script
# (Ctrl-C) loses at most the batch in progress, and running it again goes
# on where it stopped. KRANT names the extension (default: dist/krant of
# this checkout), SQLITE3 the sqlite3 shell.
set -eu
[ $# -ge 1 ] || { echo "usage: $0 DATABASE [BATCH]" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
ext=${KRANT:-$root/dist/krant}
sqlite=${SQLITE3:-sqlite3}
db=$1
batch=${2:-1000}
case "$batch" in ''|*[!0-9]*|0) echo "$0: BATCH must be a positive number" >&2; exit 2 ;; esac
[ -f "$db" ] || { echo "$0: no database $db" >&2; exit 2; }

# The articles this krant version has not analysed yet.
todo=$("$sqlite" -batch -noheader -list -cmd ".load $ext" "$db" \
  "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM analysed d
    WHERE d.article_id = a.id AND d.krant_version = krant_version())")
if [ "$todo" -eq 0 ]; then
  echo "nothing to analyse: every article is analysed by this krant version"
  exit 0
fi
batches=$(( (todo + batch - 1) / batch ))

# One progress line, from temp.progress (start time, total, done so far).
progress="SELECT printf('analysed %d of %d articles (%.1f %%), %d articles/s, %s',
         done, total, 100.0 * done / total, rate,
         CASE WHEN done >= total THEN 'done in ' ELSE 'about ' END
         || CASE WHEN s >= 3600 THEN printf('%d h %d min', s / 3600, s % 3600 / 60)
                 WHEN s >= 60 THEN printf('%d min %d s', s / 60, s % 60)
                 ELSE printf('%d s', s) END
         || CASE WHEN done >= total THEN '' ELSE ' left' END)
  FROM (SELECT done, total, CAST(rate AS INTEGER) AS rate,
               CAST(CASE WHEN done >= total THEN elapsed
                         ELSE (total - done) / max(rate, 0.001) END AS INTEGER) AS s
          FROM (SELECT done, total, elapsed, done / max(elapsed, 0.001) AS rate
                  FROM (SELECT done, total, (julianday('now') - t0) * 86400 AS elapsed
                          FROM temp.progress)));"

{
  echo ".load $ext"
  echo ".mode list"
  echo ".headers off"
  echo ".parameter set :batch $batch"
  echo "CREATE TEMP TABLE progress AS SELECT julianday('now') AS t0, $todo AS total, 0 AS done;"
  i=0
  while [ $i -lt $batches ]; do
    echo ".output /dev/null"
    echo ".read \"$root/sql/analyze.sql\""
    echo ".output"
    echo "UPDATE temp.progress SET done = done + (SELECT count(*) FROM temp.analyse_batch);"
    echo "$progress"
    i=$((i + 1))
  done
} | "$sqlite" -batch -bail "$db"
