"""Load krant from Python's sqlite3 module and use every kind of function.

    python3 tests/bindings/test_python.py dist/krant

Prints one line per check and ends with "N passed, N failed". Exits 77
(skipped) when this Python's sqlite3 module was built without extension
loading.
"""
import json
import sqlite3
import sys

ext = sys.argv[1] if len(sys.argv) > 1 else "dist/krant"
passed = failed = 0


def check(name, got, want):
    global passed, failed
    if got == want:
        passed += 1
        print("ok   " + name)
    else:
        failed += 1
        print("FAIL %s\n  got:  %r\n  want: %r" % (name, got, want))


con = sqlite3.connect(":memory:")
if not hasattr(con, "enable_load_extension"):
    print("skipped: this Python's sqlite3 module cannot load extensions")
    sys.exit(77)
con.enable_load_extension(True)
con.load_extension(ext)
con.enable_load_extension(False)

check("krant_version", con.execute("SELECT krant_version()").fetchone()[0][:1], "v")
rows = con.execute("SELECT sentence, start, length FROM sentences(?)",
                   ("Café ‘één’ is open. Ook zondag.",)).fetchall()
check("sentences", rows, [("Café ‘één’ is open.", 1, 19), ("Ook zondag.", 21, 11)])
text = "Zoë 😀 Yeşilgöz"
for match, start, length in con.execute(
        "SELECT match, start, length FROM regexp_matches(?, '\\p{L}+')", (text,)):
    check("span of %s" % match, text[start - 1:start - 1 + length], match)
check("REGEXP", con.execute("SELECT ? REGEXP '^Van '", ("Van Dijk",)).fetchone()[0], 1)
try:
    con.execute("SELECT regexp('(', 'x')").fetchone()
    check("error", None, "error")
except sqlite3.OperationalError as e:
    check("error text", str(e), "regexp(): bad pattern at offset 1: missing closing parenthesis")
names = {r[0] for r in con.execute("SELECT name FROM pragma_function_list")}
for fn in ("extract_quotes", "extract_dates", "parse_dutch_date", "extract_speakers"):
    if fn in names and fn.startswith("extract_"):
        out = con.execute("SELECT %s(?)" % fn, ("‘Ja’, zegt Jan op 1 mei 2022.",)).fetchone()[0]
        check(fn + " returns a JSON array", isinstance(json.loads(out), list), True)
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
