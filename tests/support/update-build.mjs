// A second release build of the app, for the update test in tests/browser/offline.spec.mjs:
// the same sources with one extra document in the corpus (999_offline_update, found by the
// query "quokkaphone"). Built once by the global setup and cached under
// target/offline-test/ keyed by a hash of the sources, so a run whose sources did not change
// reuses it. It uses its own Cargo target directory (seeded once from target/ so that only
// the app crate compiles) and its own dist, so it never touches dist/ or target/'s build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WORK = join(ROOT, 'target', 'offline-test');

/** The extra document: its id, a word only it contains, and its title. */
export const UPDATE_DOC = { id: '999_offline_update', word: 'quokkaphone', title: 'Quokkaphone field notes' };

const DOC_TEXT = `Quokkaphone field notes

2024-03-01 | Offline Test Gazette

This document exists only in the second build of the browser tests: the quokkaphone is a made-up instrument, so that a search for it finds this text and nothing else.

When a page shows this text, the service worker has replaced the first build with the second one.
`;
const DOC_TOML = `outlet = "Offline Test Gazette"\nkind = "note"\n`;

// What the build reads. Directories are walked (skipping target/, node_modules/, dot-files).
const INPUTS = ['Cargo.toml', 'Cargo.lock', 'index.html', 'Trunk.toml', 'src', 'crates', 'static', 'scripts/build-corpus.mjs',
  'corpus', 'scripts/gen-sw.mjs', 'scripts/minify.mjs', 'scripts/sw.template.js', 'tests/support/update-build.mjs'];

function walk(path, out) {
  const s = statSync(path, { throwIfNoEntry: false });
  if (!s) return;
  if (s.isFile()) {
    out.push(path);
  } else if (s.isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      if (name.startsWith('.') || name === 'target' || name === 'node_modules') continue;
      walk(join(path, name), out);
    }
  }
}

/** A hash of the sources the build depends on (and of CORPUS_DIR's corpus, when set). */
export function sourceKey() {
  const files = [];
  for (const input of INPUTS) walk(join(ROOT, input), files);
  const h = createHash('sha256');
  for (const f of files) h.update(`${relative(ROOT, f)}\0`).update(readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 16);
}

/**
 * Returns the directory of the second build, building it when the cached one is missing or
 * stale (about a minute on 2 cores; several the first time on a machine with no target/).
 */
export function ensureUpdateBuild({ log = console.log } = {}) {
  const key = createHash('sha256').update(baseKey()).digest('hex').slice(0, 16);
  const dist = join(WORK, `dist-${key}`);
  const done = join(dist, '.complete');
  if (existsSync(done)) return dist;

  // Older builds are of older sources: drop them.
  mkdirSync(WORK, { recursive: true });
  for (const name of readdirSync(WORK)) {
    if (/^(dist|corpus)-/.test(name)) rmSync(join(WORK, name), { recursive: true, force: true });
  }

  const corpus = join(WORK, `corpus-${key}`);
  cpSync(join(ROOT, 'corpus'), corpus, { recursive: true });
  writeFileSync(join(corpus, `${UPDATE_DOC.id}.txt`), DOC_TEXT);
  writeFileSync(join(corpus, `${UPDATE_DOC.id}.toml`), DOC_TOML);

  buildDist({ corpus, dist, what: `offline tests: a second release of the app (corpus + ${UPDATE_DOC.id})`, log });
  return dist;
}

/**
 * The release build the test builds derive from: dist/ (or EXPLORER_DIST), when it is a
 * complete build (index.html, sw.js and its wasm); else none.
 */
export function appBase() {
  const dir = join(ROOT, process.env.EXPLORER_DIST ?? 'dist');
  const complete = ['index.html', 'sw.js'].every((f) => existsSync(join(dir, f)));
  return complete && readdirSync(dir).some((f) => f.endsWith('.wasm')) ? dir : null;
}

/** What a derived build depends on: the base build (its version names every file), else the sources. */
function baseKey() {
  const base = appBase();
  return base ? `build ${buildVersion(base)}` : `sources ${sourceKey()}`;
}

/**
 * Makes the app with the corpus folder `corpus` in `dist`. The app is the same whatever the
 * corpus, so when the release build in dist/ exists it is copied and only the corpus is
 * changed: the build's own two hooks run again on the copy (scripts/build-corpus.mjs writes
 * the corpus and index files, scripts/gen-sw.mjs the service worker and the page's names for
 * them) — seconds, where a Trunk build took one to two minutes each. Without dist/, Trunk
 * builds it (release, offline) in a Cargo target directory of its own seeded once from
 * target/ (same workspace path, so Cargo reuses every dependency).
 */
function buildDist({ corpus, dist, what, log, env: extra = {} }) {
  const base = appBase();
  const started = Date.now();
  const env = {
    ...process.env,
    PATH: [join(ROOT, 'node_modules', '.bin'), join(homedir(), '.cargo', 'bin'), process.env.PATH].join(':'),
    TRUNK_OFFLINE: 'true',
    CORPUS_DIR: corpus,
    ...extra,
  };
  const run = (command, args, runEnv) => {
    const r = spawnSync(command, args, { cwd: ROOT, env: runEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) {
      throw new Error(`${what}: ${command} ${args[0]} failed (exit ${r.status ?? r.signal}):\n${(r.stderr || '') + (r.stdout || '')}`.slice(-6000));
    }
  };
  if (base) {
    log(`${what}: the app of ${relative(ROOT, base)}/ with this corpus, in ${relative(ROOT, dist)}…`);
    rmSync(dist, { recursive: true, force: true });
    // Not Trunk's staging folder, nor the marker of a finished build.
    cpSync(base, dist, { recursive: true, filter: (src) => src === base || !src.slice(base.length + 1).startsWith('.') });
    run('node', [join(ROOT, 'scripts', 'build-corpus.mjs'), dist], env);
    run('node', [join(ROOT, 'scripts', 'gen-sw.mjs'), dist], env);
  } else {
    const cargoTarget = join(WORK, 'cargo');
    if (!existsSync(cargoTarget)) {
      mkdirSync(cargoTarget, { recursive: true });
      for (const sub of ['release', join('wasm32-unknown-unknown', 'release'), join('wasm32-unknown-unknown', 'reader-release')]) {
        const from = join(ROOT, 'target', sub);
        if (existsSync(from)) cpSync(from, join(cargoTarget, sub), { recursive: true });
      }
    }
    log(`${what}: building into ${relative(ROOT, dist)}…`);
    run('trunk', ['build', '--release', '--offline', '--dist', dist], { ...env, CARGO_TARGET_DIR: cargoTarget });
  }
  for (const f of ['index.html', 'sw.js']) {
    if (!existsSync(join(dist, f))) throw new Error(`${what}: the build has no ${f}`);
  }
  writeFileSync(join(dist, '.complete'), `${new Date().toISOString()}\n`);
  log(`${what}: ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * A release build of the app with another corpus folder (e.g. tests/fixtures/formats), cached
 * under target/offline-test/ keyed by the sources and that folder's files, built like the
 * update build (its own Cargo target directory, its own dist); `env` adds variables to the
 * build's environment (e.g. CORPUS_INDEX). Returns the dist directory.
 */
export function ensureCorpusBuild(label, corpusDir, { log = console.log, env = {} } = {}) {
  const files = [];
  walk(corpusDir, files);
  const h = createHash('sha256').update(baseKey()).update(JSON.stringify(env));
  for (const f of files) h.update(`${relative(corpusDir, f)}\0`).update(readFileSync(f)).update('\0');
  const key = h.digest('hex').slice(0, 16);
  const dist = join(WORK, `${label}-${key}`);
  if (existsSync(join(dist, '.complete'))) return dist;
  mkdirSync(WORK, { recursive: true });
  for (const name of readdirSync(WORK)) {
    if (name.startsWith(`${label}-`)) rmSync(join(WORK, name), { recursive: true, force: true });
  }
  buildDist({ corpus: corpusDir, dist, what: `browser tests: the app with the corpus ${relative(ROOT, corpusDir)}`, log, env });
  return dist;
}

/** The cache name a build's sw.js uses under a given scope path ("/" or "/tools/explorer/"). */
export function cacheName(dist, scopePath = '/') {
  return `corpus-explorer:${scopePath}:${buildVersion(dist)}`;
}

/** The version scripts/gen-sw.mjs wrote into a build's sw.js (`const VERSION = "…";`, or minified `const VERSION="…",…`). */
export function buildVersion(dist) {
  const m = readFileSync(join(dist, 'sw.js'), 'utf8').match(/^const VERSION ?= ?"([0-9a-f]+)"[;,]/m);
  if (!m) throw new Error(`${dist}/sw.js has no VERSION`);
  return m[1];
}
