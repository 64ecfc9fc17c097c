// usage: node lunr-build.js <node_modules dir> <docs.json> [--positions] [--fields title:10,body]
// Like shared/testdata/lunr/build.js, but with configurable fields and each document's "boost"
// property passed as the add() attribute, so document boosts and odd field names are covered too.
const path = require('path');
const nm = path.resolve(process.argv[2]);
const lunr = require(path.join(nm, 'lunr'));
require(path.join(nm, 'lunr-languages/lunr.stemmer.support'))(lunr);
require(path.join(nm, 'lunr-languages/lunr.nl'))(lunr);
const docs = JSON.parse(require('fs').readFileSync(path.resolve(process.argv[3]), 'utf8'));
const args = process.argv.slice(4);
const fieldsArg = args.includes('--fields') ? args[args.indexOf('--fields') + 1] : 'title:10,body';
const fields = fieldsArg.split(',').map(f => { const [name, boost] = f.split(':'); return { name, boost: boost === undefined ? undefined : +boost }; });
const idx = lunr(function () {
  this.use(lunr.nl);
  this.ref('id');
  for (const f of fields) this.field(f.name, f.boost === undefined ? undefined : { boost: f.boost });
  if (args.includes('--positions')) this.metadataWhitelist = ['position'];
  for (const d of docs) this.add(d, d.boost === undefined ? undefined : { boost: d.boost });
});
process.stdout.write(JSON.stringify(idx));
