// Fails the whole run (instead of skipping anything) when the app has not been built, and
// prepares the second build the offline update test needs (tests/support/update-build.mjs).
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { ensureCorpusBuild, ensureUpdateBuild } from './update-build.mjs';
import { ensureLargeCorpus } from './large-corpus.mjs';

export default function globalSetup() {
  const rootDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const dist = resolve(rootDir, process.env.EXPLORER_DIST ?? 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`${dist}/index.html is missing: run \`trunk build --release\` (or scripts/test) first`);
  }
  if (!readdirSync(dist).some((f) => f.endsWith('.wasm'))) {
    throw new Error(`${dist} holds no .wasm file: the release build is incomplete`);
  }
  if (!existsSync(join(dist, 'sw.js'))) {
    throw new Error(`${dist} holds no sw.js: the post_build hook (scripts/gen-sw.mjs) did not run`);
  }
  // Tests read it from the environment (set here, it reaches the workers).
  if (updateBuildWanted()) process.env.EXPLORER_UPDATE_DIST = ensureUpdateBuild();
  // The app built with a small corpus in every format (tests/browser/formats.spec.mjs).
  if (specWanted(/formats/) && !process.env.EXPLORER_FORMATS_DIST) {
    process.env.EXPLORER_FORMATS_DIST = ensureCorpusBuild('formats', join(rootDir, 'tests', 'fixtures', 'formats'));
  }
  // The app built with 120 documents and the build's index file, which the seed corpus is
  // too small to get (tests/browser/many.spec.mjs).
  if (specWanted(/many/) && !process.env.EXPLORER_MANY_DIST) {
    process.env.EXPLORER_MANY_DIST = ensureCorpusBuild('many', join(rootDir, 'tests', 'fixtures', 'many'), {
      env: { CORPUS_INDEX: 'always' },
    });
  }
  // The app built with 1,000 documents (the seed corpus 200 times), on which a concordance of
  // "the" takes long enough to be watched and stopped (tests/browser/cancel.spec.mjs).
  if (specWanted(/cancel/) && !process.env.EXPLORER_LARGE_DIST) {
    const corpus = ensureLargeCorpus(dist, join(rootDir, 'target', 'offline-test'));
    process.env.EXPLORER_LARGE_DIST = ensureCorpusBuild('large', corpus, { env: { CORPUS_INDEX: 'always' } });
  }
  // The app built with a corpus that tries to inject markup (tests/browser/hostile.spec.mjs).
  if (specWanted(/hostile/) && !process.env.EXPLORER_HOSTILE_DIST) {
    process.env.EXPLORER_HOSTILE_DIST = ensureCorpusBuild('hostile', join(rootDir, 'tests', 'fixtures', 'hostile'));
  }
}

/**
 * Whether this run includes the offline update test. EXPLORER_UPDATE_BUILD=1/0 forces it;
 * otherwise it is built unless the command line names test files and none is offline.spec.
 */
function updateBuildWanted() {
  const force = process.env.EXPLORER_UPDATE_BUILD;
  if (force === '1' || force === '0') return force === '1';
  if (process.env.EXPLORER_UPDATE_DIST) return false; // given by the caller
  return specWanted(/offline/);
}

/** Whether the command line runs every spec, or names one matching `pattern`. */
function specWanted(pattern) {
  const args = process.argv.slice(2);
  const withValue = new Set(['-g', '--grep', '--grep-invert', '--project', '-c', '--config', '--reporter', '-j',
    '--workers', '--timeout', '--retries', '--output', '--max-failures', '--repeat-each', '--shard', '--trace',
    '--global-timeout', '--tsconfig']);
  const filters = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === 'test' && filters.length === 0 && i === args.indexOf('test')) continue;
    if (a.startsWith('-')) {
      if (withValue.has(a) && !a.includes('=')) i++;
      continue;
    }
    filters.push(a);
  }
  return filters.length === 0 || filters.some((f) => pattern.test(f));
}
