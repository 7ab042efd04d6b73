// A corpus large enough for an analysis to take a second or more in the browser (for the
// tests of progress and cancelling, tests/browser/cancel.spec.mjs): the seed corpus's cleaned
// documents, as the release build ships them, repeated COPIES times under new ids.
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** Copies of the seed corpus: 400 make 2,000 documents, 25 MB, 4 million words. */
export const COPIES = 400;

/** Writes the corpus folder (once) under `work` and returns its path. */
export function ensureLargeCorpus(dist, work) {
  const dir = join(work, `corpus-of-${COPIES}-seeds`);
  const file = join(dir, 'large.jsonl');
  if (existsSync(file)) return dir;
  const name = readdirSync(dist).find((f) => /^corpus-[0-9a-f]+\.jsonl$/.test(f));
  if (!name) throw new Error(`${dist} has no corpus-<hash>.jsonl to repeat`);
  // The first line is the corpus's header; each other line is a document.
  const docs = readFileSync(join(dist, name), 'utf8').split('\n').slice(1).filter((l) => l.trim()).map((l) => JSON.parse(l));
  const lines = [];
  for (let copy = 0; copy < COPIES; copy++) {
    for (const d of docs) {
      const doc = { id: `${d.id}-${copy}`, title: `${d.title} (${copy + 1})`, kind: d.kind, paragraphs: d.paragraphs };
      if (d.outlet) doc.outlet = d.outlet;
      if (d.date) doc.date = d.date;
      lines.push(JSON.stringify(doc));
    }
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, lines.join('\n') + '\n');
  return dir;
}
