// Fails the whole run (instead of skipping anything) when the app has not been built.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

export default function globalSetup() {
  const rootDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const dist = resolve(rootDir, process.env.EXPLORER_DIST ?? 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`${dist}/index.html is missing: run \`trunk build --release\` (or scripts/test) first`);
  }
  if (!readdirSync(dist).some((f) => f.endsWith('.wasm'))) {
    throw new Error(`${dist} holds no .wasm file: the release build is incomplete`);
  }
}
