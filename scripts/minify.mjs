// Minifies the JavaScript of a release build that Trunk leaves as it is, with terser; used by
// scripts/gen-sw.mjs before it hashes anything (Trunk's `minify = "on_release"` minifies the
// HTML and the CSS, but its JS minifier fails on the wasm-bindgen glue and it never touches the
// files it copies).
//
// - The app's wasm-bindgen glue (the script index.html preloads as a module) is minified and,
//   like the rest of Trunk's hashed files, named by its content: corpus-explorer-<16 hex digits
//   of its SHA-256>.js. Trunk named it by its wasm, which the minifying does not change: a page
//   of a new build served, under the same name, the glue of an older build from that build's
//   cache (its service worker's) would fail the glue's integrity check and not start. Its
//   references in index.html (the loader's import, the modulepreload link) and its SRI
//   integrity="sha384-…" follow.
// - The other scripts of the build that are known here (SCRIPTS) are minified in place.
// - The inline scripts of index.html (Trunk's loader) are minified too. The CSP hashes of
//   gen-sw are computed afterwards, over the final text.
// Minifying is repeated until the output no longer changes, so that running gen-sw again on a
// build (tests/support/update-build.mjs does, on a copy) changes none of its files.
import { createHash } from 'node:crypto';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';

/**
 * The scripts of the build besides the app's glue, and how each is loaded: an ES module's
 * top-level names are its own and may be shortened; a classic script's are global and are
 * kept. Only the properties of `self` (`self.corpusExplorerHeld`, …) and the modules' exports
 * are seen from outside; terser renames neither.
 *
 * Not here: embed.js, the host script other sites put on their pages (not part of the app's
 * first load), stays as written: it is documented in its own header for the people who use
 * it, and short enough to be read before it is trusted.
 */
export const SCRIPTS = new Map([
  ['boot-check.js', 'script'], // <script src defer> in index.html
  ['engine-worker.js', 'module'], // the engine's module worker (src/load.rs)
  ['reader.js', 'module'], // the file reader's wasm-bindgen glue (crates/reader; Trunk, not hashed)
  ['reader-page.js', 'module'], // <script type=module>, added when first used (src/importer.rs)
  ['reader-worker.js', 'module'], // the reader's module worker (crates/reader/src/import.rs)
]);

/** `code` minified as a classic script (`kind` "script") or an ES module ("module"). */
export async function minifyScript(code, kind) {
  let out = code;
  // Twice is enough for every script here; the cap is only a guard.
  for (let pass = 0; pass < 5; pass++) {
    // A fresh options object each time: terser writes into the one it is given.
    const { code: next } = await minify(out, { module: kind === 'module' });
    if (next === out) return out;
    out = next;
  }
  return out;
}

const sha = (algorithm, data, encoding) => createHash(algorithm).update(data).digest(encoding);

/** A start tag's attributes, `name → { value, start, end }` (`start`/`end`: the value's place in `tag`, quotes included). */
function attributes(tag) {
  const out = new Map();
  const re = /\s([^\s"'<>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
  for (const m of tag.matchAll(re)) {
    const raw = m[2] ?? '';
    const value = /^["']/.test(raw) ? raw.slice(1, -1) : raw;
    const end = m.index + m[0].length;
    out.set(m[1].toLowerCase(), { value, start: end - raw.length, end });
  }
  return out;
}

/** The build's file at the relative address `href` (`./x.js`, `x.js`), or null. */
function localFile(href) {
  if (!href || /^[a-z][a-z0-9+.-]*:|^\/|^\.\.\//i.test(href)) return null;
  const path = href.replace(/^\.\//, '').replace(/[?#].*$/, '');
  try {
    return path && !path.includes('/../') ? decodeURIComponent(path) : null;
  } catch {
    return null; // not a valid address
  }
}

/** `html` with `old` (a file name, as a whole) replaced by `now` wherever it is named. */
function renamed(html, old, now) {
  const escaped = old.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return html.replace(new RegExp(`(?<=^|[\\s"'=/(])${escaped}(?=$|[\\s"'>?#)])`, 'g'), now);
}

/**
 * Minifies the scripts of the build in `dir` and returns `html` (its index.html) with the new
 * name of the app's glue, the integrity of every file that changed and its inline scripts
 * minified. Logs what it did.
 */
export async function minifyBuild(dir, html) {
  const sizes = [];
  const changed = new Set();

  const minifyFile = async (name, kind) => {
    const before = await readFile(join(dir, name), 'utf8');
    const after = await minifyScript(before, kind);
    if (after !== before) {
      await writeFile(join(dir, name), after);
      changed.add(name);
    }
    sizes.push(`${name} ${before.length} → ${after.length}`);
    return after;
  };

  // The app's glue: what index.html preloads as a module.
  const preloaded = [...html.matchAll(/<link\b[^>]*>/gi)]
    .map(([tag]) => attributes(tag))
    .filter((a) => (a.get('rel')?.value ?? '').toLowerCase().split(/\s+/).includes('modulepreload'))
    .map((a) => localFile(a.get('href')?.value))
    .filter((f) => f?.endsWith('.js'));
  for (const name of new Set(preloaded)) {
    if (SCRIPTS.has(name)) continue;
    const code = await minifyFile(name, 'module');
    // Trunk's hashed name (name-<16 hex digits>.js) gets the hash of the minified script.
    const m = name.match(/^(.*-)[0-9a-f]{16}\.js$/);
    if (!m) continue;
    const now = `${m[1]}${sha('sha256', code, 'hex').slice(0, 16)}.js`;
    if (now === name) continue;
    await rename(join(dir, name), join(dir, now));
    html = renamed(html, name, now);
    changed.delete(name);
    changed.add(now);
    sizes.push(`(${name} is now ${now})`);
  }

  for (const [name, kind] of SCRIPTS) {
    const exists = await stat(join(dir, name)).then((s) => s.isFile(), () => false);
    if (exists) await minifyFile(name, kind);
  }

  // Every integrity attribute of a file that changed, over its new bytes (same algorithm).
  html = await replaceAsync(html, /<(?:link|script)\b[^>]*>/gi, async (tag) => {
    const a = attributes(tag);
    const file = localFile(a.get('href')?.value ?? a.get('src')?.value);
    const integrity = a.get('integrity');
    if (!file || !changed.has(file) || !integrity) return tag;
    const algorithm = integrity.value.match(/^sha(256|384|512)-/)?.[0].slice(0, -1);
    if (!algorithm) throw new Error(`minify: ${file}: integrity "${integrity.value}" is not sha256/384/512`);
    const digest = `${algorithm}-${sha(algorithm, await readFile(join(dir, file)), 'base64')}`;
    // Unquoted as Trunk's minified page has it when the value allows it, else quoted.
    const quoted = /^["']/.test(tag.slice(integrity.start, integrity.end)) || /[\s"'=<>`]/.test(digest);
    return `${tag.slice(0, integrity.start)}${quoted ? `"${digest}"` : digest}${tag.slice(integrity.end)}`;
  });

  // The inline scripts (Trunk's loader, a module), unless minifying would give them text that
  // cannot stand inside a <script> element.
  let inline = 0;
  html = await replaceAsync(html, /(<script\b([^>]*)>)([\s\S]*?)(<\/script>)/gi, async (all, open, attrs, body, close) => {
    if (/\bsrc\s*=/i.test(attrs) || !body.trim()) return all;
    const type = attributes(open).get('type')?.value.toLowerCase();
    const kind = type === 'module' ? 'module' : !type || /javascript/.test(type) ? 'script' : null;
    if (!kind) return all;
    const code = await minifyScript(body, kind);
    if (/<\/script|<!--/i.test(code)) return all;
    if (code !== body) inline += 1;
    return `${open}${code}${close}`;
  });

  console.log(`minify (terser, bytes): ${sizes.join(', ')}; ${inline} inline script(s) of index.html`);
  return html;
}

/** `text.replace(re, fn)` for an async `fn`, applied one match after another. */
async function replaceAsync(text, re, fn) {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(re)) {
    out += text.slice(last, m.index) + (await fn(...m));
    last = m.index + m[0].length;
  }
  return out + text.slice(last);
}
