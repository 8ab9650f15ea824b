"""The krant workflow from Python's sqlite3 module: schema, articles,
analysis, a report. Run by `make test-workflow`:

    python3 tests/workflow/example_python.py dist/krant

Needs a Python whose sqlite3 module can load extensions (Debian's
/usr/bin/python3 can). Prints one line per check and ends with
"N passed, N failed".
"""
import pathlib
import sqlite3
import sys

root = pathlib.Path(__file__).resolve().parents[2]
ext = sys.argv[1] if len(sys.argv) > 1 else str(root / "dist" / "krant")
passed = failed = 0


def check(name, got, want):
    global passed, failed
    if got == want:
        passed += 1
        print("ok   " + name)
    else:
        failed += 1
        print("FAIL %s\n  got:  %r\n  want: %r" % (name, got, want))


def sql(name):
    return (root / "sql" / name).read_text(encoding="utf-8")


con = sqlite3.connect(":memory:")
con.enable_load_extension(True)
con.load_extension(ext)
con.enable_load_extension(False)

# 1. the schema, and two articles inserted the ordinary way
con.executescript(sql("schema.sql"))
articles = [
    ("NOS", "2024-03-05", "Dijken", "‘We nemen geen risico’, zegt dijkgraaf Marloes Hendriks. "
     "‘Het water staat hoog.’ Gisteren ging de bewaking in."),
    ("NRC", "2024-03-06", "Rente", "Volgens econoom Pieter de Boer daalt de rente volgende maand. "
     "‘Dat is goed nieuws’, zegt hij."),
]
con.executemany("INSERT INTO articles(source, published, title, body) VALUES (?, ?, ?, ?)", articles)
con.commit()

# 2. the analysis: sql/analyze.sql as a script (its :batch stays NULL: all)
con.executescript(sql("analyze.sql"))
check("every article analysed",
      con.execute("SELECT count(*) FROM analysed WHERE krant_version = krant_version()").fetchone()[0],
      len(articles))
for table, fn in (("quotes", "extract_quotes"), ("speakers", "extract_speakers"),
                  ("date_mentions", "extract_dates")):
    want = con.execute("SELECT count(*) FROM articles a, %s(a.body%s)"
                       % (fn, ", a.published" if fn == "extract_dates" else "")).fetchone()[0]
    check(table + " holds every row of " + fn,
          con.execute("SELECT count(*) FROM " + table).fetchone()[0], want)

# 3. a report, read like any query
rows = con.execute(sql("reports/top_speakers.sql")).fetchall()
want = con.execute("""SELECT s.name, s.quotes FROM articles a, extract_speakers(a.body) s
                       WHERE s.kind <> 'anonymous'
                       ORDER BY s.quotes DESC, lower(s.name)""").fetchall()
check("top_speakers: speakers and their quotes",
      sorted((r[0], r[3]) for r in rows), sorted(want))
con.executescript(sql("analyze.sql"))
check("analysing again changes nothing",
      con.execute("SELECT count(*) FROM quotes").fetchone()[0],
      con.execute("SELECT count(*) FROM articles a, extract_quotes(a.body)").fetchone()[0])
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
