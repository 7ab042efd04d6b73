// The benchmark itself, run in headless Chromium by scripts/bench.mjs.
// window.runBench({ corpora: [{ name, url, queries, sample, viewWords }] }) measures, per
// corpus, our engine (Wasm), MiniSearch and FlexSearch on the same documents and the same
// queries, then the time our engine takes to compute each analysis view for each of
// viewWords, and resolves to a plain object of results.
import MiniSearch from '/node_modules/minisearch/dist/es/index.js';
import { Document as FlexDocument } from '/node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs';

const BUILDS = 3; // index builds per engine; the median is reported
const MIN_QUERY_MS = 20; // each query repeats until this much time has passed…
const MIN_REPS = 5; // …and at least this many times,
const BATCH_MS = 2; // in batches of at least this long (at least one run each)…
const MIN_BATCHES = 5; // …and at least this many; the median batch gives the time per run
const VIEW_RUNS = 5; // timed computations of each view per word (after one untimed); the median is reported

// The analysis views, as the app computes them with its default settings over all documents
// (crates/bench-wasm, BenchEngine.view_*): name and (engine, word) => rows. The word list and
// keyness do not depend on the query, so the word does not change what they compute.
const VIEWS = [
  ['forward index', (e) => e.view_forward()],
  ['concordance', (e, w) => e.view_concordance(w)],
  ['word list', (e) => e.view_words()],
  ['keyness', (e) => e.view_keyness()],
  ['collocates', (e, w) => e.view_collocates(w)],
  ['distribution', (e, w) => e.view_dispersion(w)],
  ['trends', (e, w) => e.view_trends(w)],
  ['trends by year', (e, w) => e.view_trends_by_year(w)],
  ['compare', (e, w) => e.view_compare(w)],
  ['phrases', (e) => e.view_ngrams()],
  ['overview', (e) => e.view_summary()],
  ['word cloud', (e) => e.view_cloud()],
];

// MiniSearch with its documented prefix + fuzzy search options (README "Search options").
// combineWith is left at its default, OR; the "MiniSearch AND" row runs the same index
// with combineWith: 'AND', which is what our engine does.
const MINI_OPTIONS = {
  fields: ['title', 'text'],
  storeFields: [],
  searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 3 } },
};
// FlexSearch: a Document index over title and text, "forward" tokenizer (prefix matching),
// default encoder; queries run with { suggest: true } (its fuzzy option: partial matches are
// kept) and its default limit (100 per field).
const FLEX_OPTIONS = { tokenize: 'forward', document: { id: 'id', index: ['title', 'text'] } };
const FLEX_SEARCH = { suggest: true };

const log = (...a) => console.log('[bench]', ...a);
const gc = () => {
  if (typeof window.gc !== 'function') throw new Error('window.gc is missing (run Chromium with --js-flags=--expose-gc)');
  window.gc();
  window.gc();
};
const heap = () => performance.memory.usedJSHeapSize;
const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  // nearest rank
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

// Time per run of fn() after one untimed warm-up run: runs in batches of ≥ BATCH_MS until
// MIN_QUERY_MS have passed, MIN_REPS runs and MIN_BATCHES batches were made; the time per
// run is that of the median batch, so that a pause (GC, another process) in one batch
// does not count.
function timeQuery(fn) {
  let sink = fn();
  let reps = 0;
  const perRep = [];
  const t0 = performance.now();
  let t = t0;
  while (reps < MIN_REPS || t - t0 < MIN_QUERY_MS || perRep.length < MIN_BATCHES) {
    const b0 = t;
    let n = 0;
    do {
      sink ^= fn();
      n++;
      t = performance.now();
    } while (t - b0 < BATCH_MS);
    reps += n;
    perRep.push((t - b0) / n);
  }
  return { ms: median(perRep), reps, sink };
}

async function measure(engine, queries) {
  // builds
  const builds = [];
  let memory = null;
  let instance = null;
  for (let i = 0; i < BUILDS; i++) {
    if (instance && engine.free) engine.free(instance);
    instance = null;
    gc();
    await new Promise((r) => setTimeout(r, 0));
    const before = engine.memory();
    const t0 = performance.now();
    instance = engine.build();
    builds.push(performance.now() - t0);
    gc();
    const after = engine.memory();
    if (i === 0) memory = engine.wasm ? after : after - before;
  }
  // queries
  const perQuery = [];
  let sink = 0;
  for (const q of queries) {
    const r = timeQuery(() => engine.search(instance, q));
    perQuery.push({ q, ms: r.ms, reps: r.reps, hits: engine.search(instance, q) });
    sink ^= r.sink;
  }
  const extra = engine.extra ? engine.extra(instance) : {};
  if (engine.free) engine.free(instance);
  return { builds, memory, perQuery, sink, extra };
}

function summary(name, m, sample) {
  const times = m.perQuery.map((p) => p.ms);
  return {
    engine: name,
    buildMs: median(m.builds),
    builds: m.builds,
    medianQueryMs: median(times),
    p95QueryMs: quantile(times, 0.95),
    memoryBytes: m.memory,
    sampleHits: m.perQuery.find((p) => p.q === sample)?.hits ?? null,
    perQuery: m.perQuery,
    extra: m.extra,
  };
}

// Each view for each word: one untimed computation, then VIEW_RUNS timed ones, each from
// scratch (as the app recomputes a view when the query or its settings change; the engine
// keeps only its forward index, built by the first concordance or collocates, whose cost is
// the "forward index" row); the median counts.
async function benchViews(wasm, json, words) {
  const e = new wasm.BenchEngine(json);
  const rows = [];
  for (const [view, fn] of VIEWS) {
    const perWord = [];
    for (const word of words) {
      await new Promise((r) => setTimeout(r, 0));
      const result = fn(e, word);
      const runs = [];
      for (let i = 0; i < VIEW_RUNS; i++) {
        const t0 = performance.now();
        const n = fn(e, word);
        runs.push(performance.now() - t0);
        if (n !== result) throw new Error(`view ${view} "${word}": ${result} rows, then ${n}`);
      }
      perWord.push({ word, ms: median(runs), runs, rows: result });
    }
    rows.push({ view, perWord });
  }
  const concordance = words.map((word) => ({ word, lines: e.view_concordance(word), documents: e.concordance_docs(word) }));
  e.free();
  return { words, runs: VIEW_RUNS, rows, concordance };
}

let instanceCounter = 0;

async function benchCorpus({ name, url, queries, sample, viewWords }) {
  log(`${name}: fetching ${url}`);
  const json = await (await fetch(url)).text();
  const corpus = JSON.parse(json);
  const docs = corpus.documents.map((d, i) => ({ id: i, title: d.title, text: d.paragraphs.join('\n') }));
  const results = [];

  // Ours: a fresh instance of the Wasm module per corpus (a new module URL), so that its
  // linear memory starts empty.
  const wasm = await import(`/target/bench/pkg/explorer_bench_wasm.js?instance=${++instanceCounter}`);
  await wasm.default();
  log(`${name}: ours (Wasm)`);
  const ours = await measure(
    {
      wasm: true,
      memory: () => wasm.memory_bytes(),
      build: () => new wasm.BenchEngine(json),
      free: (e) => e.free(),
      search: (e, q) => e.search(q),
      extra: (e) => ({ highlights: e.highlights(), documents: e.documents() }),
    },
    queries,
  );
  // How much of our query time the snippets take: the same queries without them.
  let noSnippets;
  {
    const e = new wasm.BenchEngine(json);
    const perQuery = [];
    for (const q of queries) {
      const r = timeQuery(() => e.search_only(q));
      perQuery.push({ q, ms: r.ms, reps: r.reps, hits: e.search_only(q) });
    }
    e.free();
    noSnippets = summary('ours, no snippets', { builds: [NaN], memory: null, perQuery, extra: {} }, sample);
  }
  // How much of our build time is parsing the JSON (measured after the memory reading).
  const parseTimes = [];
  for (let i = 0; i < BUILDS; i++) {
    const t0 = performance.now();
    wasm.parse_only(json);
    parseTimes.push(performance.now() - t0);
  }
  ours.extra.parseMs = median(parseTimes);
  results.push(summary('ours (Wasm)', ours, sample));
  results.push(noSnippets);

  log(`${name}: MiniSearch`);
  let keptMini = null;
  const mini = await measure(
    {
      memory: heap,
      build: () => {
        const m = new MiniSearch(MINI_OPTIONS);
        m.addAll(docs);
        return m;
      },
      search: (m, q) => m.search(q).length,
      extra: (m) => {
        keptMini = m;
        return { terms: m.termCount };
      },
    },
    queries,
  );
  results.push(summary('MiniSearch', mini, sample));

  log(`${name}: MiniSearch AND`);
  const perQuery = [];
  for (const q of queries) {
    const r = timeQuery(() => keptMini.search(q, { combineWith: 'AND' }).length);
    perQuery.push({ q, ms: r.ms, reps: r.reps, hits: keptMini.search(q, { combineWith: 'AND' }).length });
  }
  keptMini = null;
  results.push(summary('MiniSearch AND', { builds: [NaN], memory: null, perQuery, extra: {} }, sample));

  log(`${name}: FlexSearch`);
  const flex = await measure(
    {
      memory: heap,
      build: () => {
        const f = new FlexDocument(FLEX_OPTIONS);
        for (const d of docs) f.add(d);
        return f;
      },
      search: (f, q) => {
        const ids = new Set();
        for (const field of f.search(q, FLEX_SEARCH)) for (const id of field.result) ids.add(id);
        return ids.size;
      },
    },
    queries,
  );
  results.push(summary('FlexSearch', flex, sample));

  // Last, so that it does not change the figures above.
  log(`${name}: views (ours)`);
  const views = await benchViews(wasm, json, viewWords);

  return {
    name,
    documents: corpus.documents.length,
    textBytes: docs.reduce((n, d) => n + d.title.length + d.text.length, 0),
    jsonBytes: json.length,
    queries: queries.length,
    sample,
    results,
    views,
  };
}

function timerResolution() {
  let min = Infinity;
  for (let i = 0; i < 50; i++) {
    const a = performance.now();
    let b = a;
    while (b === a) b = performance.now();
    min = Math.min(min, b - a);
  }
  return min;
}

window.runBench = async (config) => {
  const out = {
    userAgent: navigator.userAgent,
    crossOriginIsolated: self.crossOriginIsolated,
    timerResolutionMs: timerResolution(),
    versions: config.versions,
    corpora: [],
  };
  for (const c of config.corpora) out.corpora.push(await benchCorpus(c));
  return out;
};
window.benchReady = true;
