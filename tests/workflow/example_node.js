// The krant workflow from Node with better-sqlite3 (version 12): schema,
// articles, analysis, a report. Run by `make test-workflow`:
//
//   NODE_PATH=build/node/node_modules node tests/workflow/example_node.js dist/krant
//
// Prints one line per check and ends with "N passed, N failed".
'use strict';
const fs = require('fs');
const path = require('path');
const Database = require('better-sqlite3');

const root = path.resolve(__dirname, '..', '..');
const ext = path.resolve(process.argv[2] || path.join(root, 'dist', 'krant'));
const sql = (name) => fs.readFileSync(path.join(root, 'sql', name), 'utf8');
let passed = 0, failed = 0;
function check(name, got, want) {
  const g = JSON.stringify(got), w = JSON.stringify(want);
  if (g === w) { passed++; console.log('ok   ' + name); }
  else { failed++; console.log(`FAIL ${name}\n  got:  ${g}\n  want: ${w}`); }
}

const db = new Database(':memory:');
db.loadExtension(ext);

// 1. the schema, and articles inserted in one transaction
db.exec(sql('schema.sql'));
const insert = db.prepare('INSERT INTO articles(source, published, title, body) VALUES (?, ?, ?, ?)');
db.transaction((rows) => rows.forEach((r) => insert.run(...r)))([
  ['NOS', '2024-03-05', 'Dijken', '‘We nemen geen risico’, zegt dijkgraaf Marloes Hendriks. Gisteren ging de bewaking in.'],
  ['NRC', '2024-03-06', 'Rente', 'Volgens econoom Pieter de Boer daalt de rente. ‘Dat is goed nieuws’, zegt hij.'],
]);

// 2. the analysis: exec runs the whole script; :batch stays NULL (all)
db.exec(sql('analyze.sql'));
const one = (q) => Object.values(db.prepare(q).get())[0];
check('every article analysed', one('SELECT count(*) FROM analysed WHERE krant_version = krant_version()'), 2);
check('quotes holds every row of extract_quotes', one('SELECT count(*) FROM quotes'),
      one('SELECT count(*) FROM articles a, extract_quotes(a.body)'));
check('speakers holds every row of extract_speakers', one('SELECT count(*) FROM speakers'),
      one('SELECT count(*) FROM articles a, extract_speakers(a.body)'));

// 3. a report: one statement, read with all()
const rows = db.prepare(sql('reports/anonymous_share.sql')).all();
check('anonymous_share: one row per outlet', rows.map((r) => r.outlet), ['NOS', 'NRC']);
check('anonymous_share: all quotes counted', rows.reduce((n, r) => n + r.quotes, 0),
      one('SELECT count(*) FROM articles a, extract_quotes(a.body)'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
