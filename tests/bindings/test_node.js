// Load krant from Node with better-sqlite3 (version 12) and use it.
//
//   node tests/bindings/test_node.js dist/krant
//
// better-sqlite3 must be resolvable (make test-bindings installs it in
// build/node). Prints one line per check, ends with "N passed, N failed".
'use strict';
const path = require('path');
const Database = require('better-sqlite3');

const ext = path.resolve(process.argv[2] || 'dist/krant');
let passed = 0, failed = 0;
function check(name, got, want) {
  const g = JSON.stringify(got), w = JSON.stringify(want);
  if (g === w) { passed++; console.log('ok   ' + name); }
  else { failed++; console.log(`FAIL ${name}\n  got:  ${g}\n  want: ${w}`); }
}

const db = new Database(':memory:');
db.loadExtension(ext);
check('krant_version', db.prepare('SELECT krant_version() AS v').get().v.slice(0, 1), 'v');
check('sentences', db.prepare('SELECT sentence, start, length FROM sentences(?)')
  .all('Café ‘één’ is open. Ook zondag.'),
  [{ sentence: 'Café ‘één’ is open.', start: 1, length: 19 },
   { sentence: 'Ook zondag.', start: 21, length: 11 }]);
// JavaScript strings count UTF-16 units; SQLite counts characters, so the
// span is taken with SQL's substr and compared there.
check('spans round-trip', db.prepare(
  "SELECT count(*) AS n FROM regexp_matches(@t, '\\p{L}+') WHERE substr(@t, start, length) <> match")
  .get({ t: 'Zoë 😀 Yeşilgöz' }).n, 0);
try {
  db.prepare("SELECT regexp('(', 'x')").get();
  check('error', 'no error', 'error');
} catch (e) {
  check('error text', e.message, 'regexp(): bad pattern at offset 1: missing closing parenthesis');
}
const fns = new Set(db.prepare('SELECT name FROM pragma_function_list').all().map(r => r.name));
for (const fn of ['extract_quotes', 'extract_speakers', 'extract_dates']) {
  if (!fns.has(fn)) continue;
  const out = db.prepare(`SELECT ${fn}(?) AS j`).get('‘Ja’, zegt Jan op 1 mei 2022.').j;
  check(fn + ' returns a JSON array', Array.isArray(JSON.parse(out)), true);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
