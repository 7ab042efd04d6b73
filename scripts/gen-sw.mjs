#!/usr/bin/env node
// Writes the service worker of a build: run by Trunk as a `post_build` hook (Trunk.toml),
// with the build's files in $TRUNK_STAGING_DIR (or a directory given as the argument).
//
// M. Minifies the build's JavaScript that Trunk leaves as it is (scripts/minify.mjs: the
//    wasm-bindgen glue, named again by its content, the copied scripts but embed.js, the
//    inline loader) and sw.js in step 3; not when Trunk runs it for a debug build
//    (TRUNK_PROFILE=debug: `trunk serve` without --release). Every later step hashes the
//    final bytes.
// 0. Writes a Content-Security-Policy <meta> as the first element of index.html's <head>, with
//    the SHA-256 of every inline <script> Trunk wrote (its loader), so that no other inline
//    script can run. See "Content-Security-Policy" in README.md.
// 1. The build's version: the first 16 hex digits of a SHA-256 over every file's path and
//    content (before step 2) and over scripts/sw.template.js, so any change to the app, its
//    assets or the worker's logic gives a new version, and an unchanged build the same one.
// 2. Writes the version into index.html as <meta name="corpus-explorer-build" content=…>,
//    so the page knows which build it is (src/offline.rs).
// 3. Writes sw.js from scripts/sw.template.js with the version and the list of files to
//    precache (URLs relative to sw.js, index.html as "./", each with its SHA-256), and the
//    list of files kept only when first fetched (the file reader).
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, sep } from 'node:path';
import { minifyBuild, minifyScript } from './minify.mjs';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('gen-sw: no build directory (run by Trunk as a post_build hook, or: node scripts/gen-sw.mjs DIR)');
  process.exit(2);
}
const SW = 'sw.js';
const templatePath = join(dirname(fileURLToPath(import.meta.url)), 'sw.template.js');

async function listFiles(root, sub = '') {
  const out = [];
  for (const entry of await readdir(join(root, sub), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue; // Trunk's own staging leftovers, if any
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(root, rel)));
    else if (entry.isFile() && rel !== SW) out.push(rel);
  }
  return out;
}

const sha256 = (data) => createHash('sha256').update(data).digest('hex');

const template = await readFile(templatePath, 'utf8');
const indexPath = join(dir, 'index.html');
let html = await readFile(indexPath, 'utf8').catch(() => {
  console.error(`gen-sw: ${indexPath} is missing`);
  process.exit(1);
});

// M. Minifying (it renames the glue: the list of files comes after it).
const MINIFY = process.env.TRUNK_PROFILE !== 'debug';
if (MINIFY) html = await minifyBuild(dir, html);
const files = (await listFiles(dir)).sort();

// 0. The Content-Security-Policy, with the hashes of the inline scripts of this build.
const inlineScripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
  .filter(([, attrs]) => !/\bsrc\s*=/i.test(attrs))
  .map(([, , body]) => body);
const scriptHashes = [...new Set(inlineScripts.map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`))];
const CSP = [
  "default-src 'self'",
  // Trunk's loader (inline, by hash) imports the wasm-bindgen glue; compiling the Wasm module
  // needs 'wasm-unsafe-eval' (no JavaScript eval is allowed).
  `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.join(' ')}`.trim(),
  // The stylesheet only: no <style> element and no style attribute (the embed preview's
  // sizes are classes).
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
const cspMeta = `<meta http-equiv="Content-Security-Policy" content="${CSP}">`;
const CSP_RE = /<meta http-equiv="Content-Security-Policy"[^>]*>\n?\s*/i;
html = html.replace(CSP_RE, '');
// First in the head after the charset (which must come within the first 1024 bytes), so that
// it governs every element after it. A release build's index.html is minified by Trunk, which
// leaves out the optional <html> and <head> tags and every line break: the head then starts
// right after the doctype (the parser puts the <meta> elements there).
const HEAD_START_RE =
  /^\s*(?:<!doctype\b[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<html(?=[\s>])[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<head(?=[\s>])[^>]*>\s*)?(?:<meta\s+charset\b[^>]*>)?/i;
const headStart = html.match(HEAD_START_RE)[0].trimEnd();
if (!/<!doctype\b|<html(?=[\s>])|<head(?=[\s>])|<meta\s+charset\b/i.test(headStart)) {
  console.error('gen-sw: index.html does not start as a page does (doctype, <html>, <head> or <meta charset>)');
  process.exit(1);
}
// Line breaks and indents as the page has them: none in a minified page.
const NL = html[headStart.length] === '\n' ? '\n  ' : '';
html = `${headStart}${NL}${cspMeta}${html.slice(headStart.length)}`;
await writeFile(indexPath, html);

const whole = createHash('sha256').update(`template\0${sha256(template)}\n`);
for (const f of files) whole.update(`${f}\0${sha256(await readFile(join(dir, f)))}\n`);
const version = whole.digest('hex').slice(0, 16);

html = await readFile(indexPath, 'utf8');
const meta = `<meta name="corpus-explorer-build" content="${version}">`;
if (/<meta name="corpus-explorer-build"[^>]*>/.test(html)) {
  html = html.replace(/<meta name="corpus-explorer-build"[^>]*>/, meta);
} else {
  // Right after the policy (written above: always there).
  html = html.replace(CSP_RE, (csp) => `${csp}${meta}${NL}`);
}
// The block of the working copies' checks: 8 MiB (EXPLORER_COPY_BLOCK for tests; files up to
// 8 MiB are checked whole against the hash in their name).
const COPY_BLOCK = Number(process.env.EXPLORER_COPY_BLOCK ?? 8 << 20);
// The corpus and index files of this build (scripts/build-corpus.mjs names them by their
// content hash), so that a page of one build never reads the corpus or index of another.
for (const [name, re] of [['corpus', /^corpus-[0-9a-f]{16}\.jsonl$/], ['index', /^index-[0-9a-f]{16}\.bin$/]]) {
  const file = files.find((f) => re.test(f));
  const existing = new RegExp(`<meta name="corpus-explorer-${name}"[^>]*>\\n?\\s*`);
  const blocksTag = new RegExp(`<meta name="corpus-explorer-${name}-blocks"[^>]*>\\n?\\s*`);
  html = html.replace(blocksTag, '');
  if (!file) {
    // A build made again with another corpus (tests/support/update-build.mjs) may have none.
    html = html.replace(existing, '');
    continue;
  }
  const tag = `<meta name="corpus-explorer-${name}" content="${file}">`;
  html = existing.test(html)
    ? html.replace(existing, `${tag}${NL}`)
    : html.replace(/<meta name="corpus-explorer-build"[^>]*>/, (m) => `${m}${NL}${tag}`);
  // A file larger than a block: the first 16 hex digits of each block's SHA-256, against which
  // the engine checks this browser's working copy of it as it reads it (engine-worker.js).
  const bytes = await readFile(join(dir, file));
  if (bytes.length > COPY_BLOCK) {
    const hashes = [];
    for (let at = 0; at < bytes.length; at += COPY_BLOCK) hashes.push(sha256(bytes.subarray(at, at + COPY_BLOCK)).slice(0, 16));
    const listed = `<meta name="corpus-explorer-${name}-blocks" content="${COPY_BLOCK} ${hashes.join(' ')}">`;
    html = html.replace(tag, `${tag}${NL}${listed}`);
  }
}
await writeFile(indexPath, html);

// The file reader (crates/reader, static/reader-worker.js) is fetched only when a person first
// adds files, and kept then: it is not precached, so that it is not part of the first load.
const LAZY_RE = /^(reader\.js|reader_bg\.wasm|reader-page\.js|reader-worker\.js|reader\.css)$/;
const entries = [];
const lazy = [];
for (const f of files) {
  const url = f === 'index.html' ? './' : `./${f.split(sep).join('/').split('/').map(encodeURIComponent).join('/')}`;
  (LAZY_RE.test(f) ? lazy : entries).push([url, sha256(await readFile(join(dir, f)))]);
}

const FILES_RE = /\[\['__FILE__', '__SHA256__'\]\]/;
const LAZY_FILES_RE = /\[\['__LAZY_FILE__', '__SHA256__'\]\]/;
const VERSION_RE = /'__BUILD_VERSION__'/;
if (!FILES_RE.test(template) || !LAZY_FILES_RE.test(template) || !VERSION_RE.test(template)) {
  console.error('gen-sw: scripts/sw.template.js lacks its placeholders');
  process.exit(1);
}
const sw = template
  .replace(VERSION_RE, JSON.stringify(version))
  .replace(FILES_RE, () => JSON.stringify(entries, null, 2).replace(/\n\s+(?=["\]])/g, ' '))
  .replace(LAZY_FILES_RE, () => JSON.stringify(lazy));
// A classic script: its top-level names (`const VERSION="…"` first) are kept.
await writeFile(join(dir, SW), MINIFY ? await minifyScript(sw, 'script') : sw);

console.log(`gen-sw: CSP with ${scriptHashes.length} inline script hash(es); ${SW} for build ${version}: ${entries.length} files precached, ${lazy.length} kept when first fetched (${relative(process.cwd(), dir) || '.'})`);
