#!/bin/sh
# import.sh - import articles into a krant database, from folders of .txt
# files, JSON Lines files and CSV files; report every record it skips.
#
#   sql/import.sh news.db examples/articles export.jsonl export.csv
#
# Creates the schema when needed (sql/schema.sql), then for each argument
# runs the matching sql/import_*.sql and sql/import_finish.sql in the
# sqlite3 shell with krant loaded. KRANT (default: dist/krant next to this
# script's folder) names the extension, SQLITE3 the shell.
set -eu
[ $# -ge 2 ] || { echo "usage: $0 DATABASE FOLDER|FILE.jsonl|FILE.ndjson|FILE.csv..." >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
ext=${KRANT:-$here/../dist/krant}
sqlite=${SQLITE3:-sqlite3}
db=$1; shift

quote() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/''/g")"; }

for src in "$@"; do
  if [ -d "$src" ]; then continue; fi
  case "$src" in
    *.jsonl|*.ndjson|*.csv) ;;
    *) echo "import.sh: $src: not a folder, .jsonl or .csv file" >&2; exit 2 ;;
  esac
  [ -r "$src" ] || { echo "import.sh: cannot read $src" >&2; exit 2; }
done

for src in "$@"; do
  {
    echo ".load $ext"
    echo ".bail on"
    cat "$here/schema.sql"
    echo ".bail off"
    if [ -d "$src" ]; then
      echo ".parameter set :dir $(quote "$src")"
      cat "$here/import_txt.sql"
    else
      case "$src" in
        *.jsonl|*.ndjson)
          echo ".parameter set :file $(quote "$src")"
          cat "$here/import_jsonl.sql" ;;
        *.csv)
          echo "DROP TABLE IF EXISTS temp.import_csv;"
          echo ".import --csv --schema temp \"$src\" import_csv"
          echo ".parameter set :file $(quote "$src")"
          cat "$here/import_csv.sql" ;;
      esac
    fi
    cat "$here/import_finish.sql"
  } | "$sqlite" -batch "$db"
done
