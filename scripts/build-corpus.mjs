#!/usr/bin/env node
// Preprocesses the corpus folder into the build: run by Trunk as a `pre_build` hook
// (Trunk.toml). The folder is $CORPUS_DIR (relative to the repository, or absolute) or
// corpus/. Writes $TRUNK_STAGING_DIR/corpus-<hash>.jsonl (a header line, then one document
// per line; named by a hash of its content), which the app fetches and indexes a slice at a
// time; scripts/gen-sw.mjs tells the page its name. Any problem with a corpus file stops the
// build with one `file:line: message` line per problem.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
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
const r = spawnSync('cargo', ['run', '--quiet', '-p', 'explorer-preprocess', '--', dir, '--out', out], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
});
if (r.status !== 0) {
  console.error(`build-corpus: the corpus in ${dir} has problems (listed above); fix them and build again.`);
  process.exit(r.status ?? 1);
}
// Name the file by its content, dropping any corpus file of an earlier run of this hook.
for (const f of readdirSync(staging)) {
  if (/^corpus-[0-9a-f]{16}\.jsonl$/.test(f)) rmSync(join(staging, f));
}
const hash = createHash('sha256').update(readFileSync(out)).digest('hex').slice(0, 16);
renameSync(out, join(staging, `corpus-${hash}.jsonl`));
