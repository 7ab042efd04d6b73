#!/usr/bin/env node
// Prints one line with the size of a release build:
//   node scripts/size-report.mjs dist
// Counts *.wasm, *.js, *.css and *.html under DIR (recursively), raw and gzip
// (level 9, node:zlib), and also *.jsonl (the corpus, which ships as a file of its own).
// kB = 1000 bytes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
try {
  if (!statSync(dir).isDirectory()) throw new Error('not a directory');
} catch (err) {
  console.error(`size-report: ${dir}: ${err.message}`);
  process.exit(1);
}

const kinds = ['wasm', 'js', 'css', 'html'];
const extra = ['jsonl']; // the corpus (corpus-<hash>.jsonl), reported when present
const totals = Object.fromEntries([...kinds, ...extra].map((k) => [k, { raw: 0, gzip: 0, files: 0 }]));

function walk(d) {
  for (const entry of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, entry.name);
    if (entry.isDirectory()) walk(p);
    else if (entry.isFile()) {
      const kind = extname(entry.name).slice(1).toLowerCase();
      if (!(kind in totals)) continue;
      const bytes = readFileSync(p);
      totals[kind].raw += bytes.length;
      totals[kind].gzip += gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
      totals[kind].files += 1;
    }
  }
}
walk(dir);

if (totals.wasm.files === 0) {
  console.error(`size-report: no .wasm file under ${dir}`);
  process.exit(1);
}

const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
const parts = kinds.map((k) => `${k} ${kb(totals[k].raw)} (gzip ${kb(totals[k].gzip)})`);
if (totals.jsonl.files > 0) {
  parts.push(`corpus ${kb(totals.jsonl.raw)} (gzip ${kb(totals.jsonl.gzip)})`);
}
const counted = [...kinds, ...extra];
const raw = counted.reduce((s, k) => s + totals[k].raw, 0);
const gzip = counted.reduce((s, k) => s + totals[k].gzip, 0);
console.log(`release size: ${parts.join(', ')}; total ${kb(raw)} raw, ${kb(gzip)} gzip`);
