// usage: node site-search.js <node_modules dir> <_site dir> "query 1" "query 2" ...
//
// Runs queries the way the search page does: the built zoeken/zoekindex.js and zoeken/documenten.js
// and the site's own assets/zoeken.js are evaluated in a VM context without a DOM, next to the
// reference lunr 2.3.9 + lunr-languages (stemmer support, then nl). For each query one JSON line:
//   {"q": "...", "res": [{"ref": "3", "score": 12.345678, "s": "hoofdstuk", "t": "...", "u": "...", "terms": ["..."]}, ...]}
// with the top 10 results of window.KennisZoeken.query (scores rounded to 6 decimals).
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

if (process.argv.length < 4) {
  process.stderr.write('usage: node site-search.js <node_modules dir> <_site dir> "query" ...\n');
  process.exit(2);
}

const nm = path.resolve(process.argv[2]);
const site = path.resolve(process.argv[3]);
const queries = process.argv.slice(4);

const lunr = require(path.join(nm, 'lunr'));
require(path.join(nm, 'lunr-languages/lunr.stemmer.support'))(lunr);
require(path.join(nm, 'lunr-languages/lunr.nl'))(lunr);

// The global of the page: window is the global itself; no document, so zoeken.js only defines its API.
const sandbox = {
  lunr,
  console,
  setTimeout,
  clearTimeout,
  location: { href: 'file:///zoeken/index.html', search: '', hash: '', pathname: '/zoeken/index.html' },
  history: { state: null, replaceState() {} },
  navigator: { userAgent: 'node' },
};
sandbox.window = sandbox;
sandbox.self = sandbox;
vm.createContext(sandbox);

for (const file of ['zoeken/zoekindex.js', 'zoeken/documenten.js', 'assets/zoeken.js']) {
  const full = path.join(site, file);
  vm.runInContext(fs.readFileSync(full, 'utf8'), sandbox, { filename: full });
}

const api = sandbox.KennisZoeken;
if (!api || typeof api.query !== 'function') throw new Error('assets/zoeken.js did not define window.KennisZoeken.query');
if (!sandbox.KENNIS_ZOEKINDEX) throw new Error('zoeken/zoekindex.js did not define window.KENNIS_ZOEKINDEX');
const docs = sandbox.KENNIS_DOCUMENTEN;
if (!Array.isArray(docs)) throw new Error('zoeken/documenten.js did not define the array window.KENNIS_DOCUMENTEN');

const index = lunr.Index.load(sandbox.KENNIS_ZOEKINDEX);
for (const q of queries) {
  const res = api.query(index, q).slice(0, 10).map(r => {
    const d = docs[+r.ref] || {};
    return { ref: r.ref, score: +r.score.toFixed(6), s: d.s, t: d.t, u: d.u, terms: Object.keys(r.matchData.metadata).sort() };
  });
  process.stdout.write(JSON.stringify({ q, res }) + '\n');
}
