#!/usr/bin/env node
// Preprocesses the corpus folder into the build: run by Trunk as a `pre_build` hook
// (Trunk.toml). The folder is $CORPUS_DIR (relative to the repository, or absolute) or
// corpus/. Writes $TRUNK_STAGING_DIR/corpus-<hash>.jsonl (a header line, then one document
// per line) and index-<hash>.bin (the corpus's index in binary form, which the page opens
// instead of tokenizing every text), each named by a hash of its content; the app's worker
// reads the corpus as it downloads and opens the index; scripts/gen-sw.mjs tells the page their
// names. Any problem with a corpus file stops the build with one `file:line: message` line per
// problem.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { isAbsolute, join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const staging = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('build-corpus: no build directory (run by Trunk as a pre_build hook, or: node scripts/build-corpus.mjs DIR)');
  process.exit(2);
}
const dirArg = process.env.CORPUS_DIR || 'corpus';
const dir = isAbsolute(dirArg) ? dirArg : join(root, dirArg);
const out = join(staging, 'corpus.tmp.jsonl');
const indexOut = join(staging, 'index.tmp.bin');
// Whether the build ships the index: CORPUS_INDEX=always, never, or auto (the default: when
// the corpus file is at least INDEX_FROM_BYTES; below that the page tokenizes the texts in
// less time than the index file takes to download, see "An index built once" in README.md).
const INDEX_FROM_BYTES = 1_000_000;
const indexMode = process.env.CORPUS_INDEX || 'auto';
if (!['always', 'never', 'auto'].includes(indexMode)) {
  console.error(`build-corpus: CORPUS_INDEX is '${indexMode}'; it must be always, never or auto.`);
  process.exit(2);
}
const r = spawnSync('cargo', ['run', '--quiet', '-p', 'explorer-preprocess', '--', dir, '--out', out, '--index', indexOut], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
});
if (r.status !== 0) {
  console.error(`build-corpus: the corpus in ${dir} has problems (listed above); fix them and build again.`);
  process.exit(r.status ?? 1);
}
// Name the files by their content, dropping any of an earlier run of this hook.
for (const f of readdirSync(staging)) {
  if (/^(corpus-[0-9a-f]{16}\.jsonl|index-[0-9a-f]{16}\.bin)$/.test(f)) rmSync(join(staging, f));
}
const named = (file, prefix, ext) => {
  const hash = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
  renameSync(file, join(staging, `${prefix}-${hash}.${ext}`));
};
const shipIndex = indexMode === 'always' || (indexMode === 'auto' && statSync(out).size >= INDEX_FROM_BYTES);
named(out, 'corpus', 'jsonl');
if (shipIndex) named(indexOut, 'index', 'bin');
else rmSync(indexOut);
