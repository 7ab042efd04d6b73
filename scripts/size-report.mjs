#!/usr/bin/env node
// Prints one line with the size of a release build:
//   node scripts/size-report.mjs dist
// Counts *.wasm, *.js, *.css and *.html under DIR (recursively), raw and gzip
// (level 9, node:zlib), and also *.jsonl (the corpus, which ships as a file of its own).
// The file reader (reader.js, reader_bg.wasm, reader-page.js, reader-worker.js, reader.css: fetched only
// when a person first adds texts, never on first load) is counted on a line of its own.
// kB = 1000 bytes.
//
// Fails (exit 1) when the app's download — wasm, js, css and html, gzip — grows past the
// budget below. The corpus is data, not the app, and is left out of the budget (a bigger
// corpus is not a regression). The budget is today's size plus about 1%; lower it whenever a
// change makes the build smaller, so that the gain is kept. SIZE_BUDGET_GZIP_KB overrides it
// for one run (e.g. to see that an over-budget build fails).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

/** The budget of the app's gzip total (wasm + js + css + html), in kB; see above.
 * 345.0 → 377.0 on 2026-11-28: the engine moved into a Web Worker (issue 12), and the page and
 * the worker now exchange every request and answer as messages. Their codecs (serde's
 * Serialize and Deserialize of every request and answer type, both ways in the one wasm that
 * page and worker share) are the growth: +63 kB gzip with serde_json, +29 kB with postcard's
 * binary form (chosen), +1.3 kB of JavaScript glue.
 * 377.0 → 386.5 on 2026-11-29 (issue 12, 374.8 → 382.1 kB): the worker reads the build's
 * index file instead of tokenizing (the reader and its checks, crates/core/src/index/file.rs),
 * downloads through fetch streams (wasm-bindgen-futures and the stream bindings, replacing
 * XMLHttpRequest), the facet list became a component of its own and the analysis views say
 * when they are being recomputed. Then 383.0 kB with the index read in two steps (file, then
 * corpus) and the CSS that lays out off-screen results only when scrolled to; the budget is
 * that plus about 1%, 386.5.
 * 386.5 → 397.5 on 2026-11-29 (issue 12, 383.2 → 393.6 kB): a long analysis shows its
 * progress and stops when no longer wanted. The concordance, the collocates and the
 * downloads became async code that pauses between slices (crates/core/src/pace.rs), the
 * worker answers quick calls between them and is told to stop, and the page shows a
 * progress bar and a Cancel button: +10.4 kB, of which 6.2 kB were a second compiled copy
 * of every analysis (run without pauses) until the worker called only the paced ones
 * (Service::handle_quick). The budget is that plus about 1%.
 * 397.5 → 401.5 on 2026-11-29 (issue 13, 393.8 → 397.4 kB): a person can add their own
 * texts. All of the reading (the build's readers, zip), the dialogs (Add texts, Corpora) and
 * the browser's store of corpora are the file reader, a wasm of its own fetched only when
 * first used (568 kB gzip, counted apart). What stays in the first load: the two buttons and
 * the page as a drop target (src/importer.rs), `corpus=` in the URL, and the engine's
 * reading of a corpus kept in the browser (IndexedDB, read by engine-worker.js): +7.0 kB,
 * of which wasm-opt's --low-memory-unused and --converge (index.html) took back 3.0 kB and
 * moving the dialogs' CSS into the reader 0.4 kB. The budget is that plus about 1%.
 * 401.5 → 472.5 on 2026-11-29 (issue 14, 397.4 → 467.8 kB): seven features a corpus
 * researcher reaches for — the comparison of two selections, phrases (n-grams), the overview
 * (MATTR, sentences, each document's distinctive words), trends by year, month or field,
 * wildcards, the word cloud and counting a word's own form in the analysis views. In the one
 * wasm that page and worker share (twiggy diff, before wasm-opt): the computations about
 * 55 kB (n-gram counting 23.5 kB with two key types — a third was 7 kB more and went —,
 * the overview 8 kB, periods 5.6 kB, cloud layout 4.6 kB, compare, the glob matcher and the
 * query's wildcards), the views' Yew code about 70 kB (the views' dispatch +23 kB, trends
 * by period 15.7 kB, compare 15 kB, …), the codecs of their new messages about 20 kB, and
 * 12 kB of constant data; css +0.5 kB. One chart for trends by document and by period
 * took back 2.4 kB. The budget is that plus about 1%.
 * 472.5 → 465.9 on 2026-11-29 (472.4 → 465.4 kB): minified release builds. Trunk's
 * `minify = "on_release"` minifies index.html and the CSS (css 7.1 → 5.5 kB, html 1.6 → 1.2
 * kB), and scripts/gen-sw.mjs runs terser (scripts/minify.mjs) over what Trunk leaves as it is:
 * the wasm-bindgen glue (10.5 → 8.3 kB), engine-worker.js, boot-check.js and sw.js (6.2 → 3.5
 * kB together); js 19.1 → 14.1 kB, the wasm unchanged. The budget is that plus 0.5 kB (not
 * 1%), the size of work in progress beside this change.
 * 465.9 → 468.4 on 2026-11-29 (issue 12, 465.4 → 467.9 kB): each byte once, and working copies
 * for fast reloads. On a first visit the engine hands the corpus and index files it downloads
 * to the service worker's cache, and later loads read this browser's copies of them in the
 * Origin Private File System, checked block by block by a worker of their own: engine-worker.js
 * +1.5 kB gzip, the wasm +0.9 kB (the hand-off, the boot message's block hashes, an engine
 * script that cannot be had said as such). The budget is that plus 0.5 kB. */
const BUDGET_GZIP_KB = 468.4;

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
/** The file reader's files (see scripts/gen-sw.mjs, LAZY_RE): not part of the first load. */
const LAZY_RE = /^(reader\.js|reader_bg\.wasm|reader-page\.js|reader-worker\.js|reader\.css)$/;
const lazy = { raw: 0, gzip: 0, files: 0 };

function walk(d) {
  for (const entry of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, entry.name);
    if (entry.isDirectory()) walk(p);
    else if (entry.isFile()) {
      const kind = extname(entry.name).slice(1).toLowerCase();
      if (!(kind in totals)) continue;
      const bytes = readFileSync(p);
      const into = LAZY_RE.test(entry.name) ? lazy : totals[kind];
      into.raw += bytes.length;
      into.gzip += gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
      into.files += 1;
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
if (lazy.files > 0) {
  console.log(`file reader, fetched when first used (not in the first load): ${lazy.files} files, ${kb(lazy.raw)} raw, ${kb(lazy.gzip)} gzip`);
}

const appGzip = kinds.reduce((s, k) => s + totals[k].gzip, 0) / 1000;
const budget = Number(process.env.SIZE_BUDGET_GZIP_KB ?? BUDGET_GZIP_KB);
if (!(budget > 0)) {
  console.error(`size-report: the budget must be a positive number of kB, not "${process.env.SIZE_BUDGET_GZIP_KB}"`);
  process.exit(1);
}
if (appGzip > budget) {
  console.error(
    `size-report: over budget: the app is ${appGzip.toFixed(1)} kB gzip (wasm + js + css + html), ` +
      `${(appGzip - budget).toFixed(1)} kB more than the budget of ${budget.toFixed(1)} kB ` +
      `(BUDGET_GZIP_KB in scripts/size-report.mjs)`,
  );
  process.exit(1);
}
console.log(`size budget: app ${appGzip.toFixed(1)} kB gzip of ${budget.toFixed(1)} kB`);
