#!/usr/bin/env node
// A tiny zero-dependency static file server for the built app:
//   node tests/support/static-server.mjs DIR PORT [--prefix /tools/explorer/]
// Binds to 127.0.0.1. Serves files from DIR with their MIME types; "/" and
// extension-less unknown paths get DIR/index.html (single-page app); other
// unknown paths get 404; paths containing ".." are rejected with 400.
// Files are sent as many static hosts send them: `Cache-Control: no-cache` with an ETag (a
// hash of the content), so the browser may keep them but asks again each time, and gets a
// 304 with no body when the file has not changed.
// With --prefix the app is served under that path only (as on a host where it lives in a
// sub-directory): the prefix without its trailing slash redirects to it, anything outside
// it is 404.
//
// Tests can also start servers in-process (tests/browser/offline.spec.mjs):
//   const s = await startStaticServer({ root, port: 0, prefix: '/' });
//   s.url, s.setRoot(otherDir) (serve another build from the same origin), s.close()
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { resolve, join, extname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

async function fileAt(p) {
  try {
    const s = await stat(p);
    return s.isFile() ? p : null;
  } catch {
    return null;
  }
}

function send(res, status, body, type = 'text/plain; charset=utf-8', head = false, extra = {}) {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  res.end(head ? undefined : body);
}

/**
 * A file's response: 304 without a body when the browser already has this content. With
 * `noStore`, sent with `Cache-Control: no-store` (the browser's HTTP cache keeps no copy, as
 * Chromium's does not keep a file too large for it).
 */
function sendFile(req, res, body, type, head, noStore = false) {
  if (noStore) {
    send(res, 200, body, type, head);
    return head ? 0 : body.length;
  }
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  const headers = { 'Cache-Control': 'no-cache', ETag: etag };
  const known = (req.headers['if-none-match'] ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (known.includes(etag)) {
    res.writeHead(304, headers);
    res.end();
    return 0;
  }
  send(res, 200, body, type, head, headers);
  return head ? 0 : body.length;
}

function normalisePrefix(prefix) {
  let p = prefix ?? '/';
  if (!p.startsWith('/')) p = `/${p}`;
  if (!p.endsWith('/')) p = `${p}/`;
  return p;
}

/** Throws unless DIR holds an index.html; returns the absolute path. */
export async function checkRoot(dir) {
  const root = resolve(dir);
  try {
    if (!(await stat(join(root, 'index.html'))).isFile()) throw new Error();
  } catch {
    throw new Error(`static-server: ${join(root, 'index.html')} is missing (run \`trunk build --release\` first)`);
  }
  return root;
}

/**
 * Creates (does not start) the server. `root` can be changed later with `setRoot`;
 * `requests` counts the requests answered (to check that a page made none); `sent` lists
 * each file answered, `{ path, status, bytes }` (bytes of body sent: 0 for a 304). Files whose
 * path (below the root) matches the RegExp `noStore` are sent so that no HTTP cache keeps them.
 */
export function createStaticServer({ root: rootArg, prefix: prefixArg = '/', noStore = null }) {
  let root = resolve(rootArg);
  const prefix = normalisePrefix(prefixArg);
  const state = { requests: 0, sent: [] };

  const server = createServer(async (req, res) => {
    state.requests += 1;
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) return send(res, 405, 'method not allowed\n');

    let pathname;
    let rawPath;
    try {
      rawPath = decodeURIComponent(req.url.split(/[?#]/)[0]);
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return send(res, 400, 'bad request\n', undefined, head);
    }
    // Reject ".." before and after URL normalisation (which would silently drop it).
    const hasDotDot = (p) => p.split(/[\\/]/).includes('..');
    if (pathname.includes('\0') || hasDotDot(rawPath) || hasDotDot(pathname)) {
      return send(res, 400, 'bad request\n', undefined, head);
    }

    if (prefix !== '/') {
      if (`${pathname}/` === prefix) {
        const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
        return send(res, 301, 'moved\n', undefined, head, { Location: prefix + query });
      }
      if (!pathname.startsWith(prefix)) return send(res, 404, 'not found\n', undefined, head);
      pathname = `/${pathname.slice(prefix.length)}`;
    }

    const base = root;
    let target = pathname === '/' ? join(base, 'index.html') : join(base, pathname);
    if (target !== base && !target.startsWith(base + sep)) {
      return send(res, 400, 'bad request\n', undefined, head);
    }
    let file = await fileAt(target);
    if (!file && extname(pathname) === '') file = await fileAt(join(base, 'index.html'));
    if (!file) return send(res, 404, 'not found\n', undefined, head);

    try {
      const body = await readFile(file);
      const path = file.slice(base.length);
      const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
      const bytes = sendFile(req, res, body, type, head, noStore?.test(path) ?? false);
      state.sent.push({ path, status: res.statusCode, bytes });
    } catch {
      send(res, 500, 'read error\n', undefined, head);
    }
  });

  return {
    server,
    prefix,
    get root() {
      return root;
    },
    get requests() {
      return state.requests;
    },
    /** The files answered so far (see above); `sent.length = 0` starts a new count. */
    get sent() {
      return state.sent;
    },
    /** Serves another directory from now on (e.g. a newer build), on the same origin. */
    setRoot(dir) {
      root = resolve(dir);
    },
  };
}

/** Starts a server on 127.0.0.1 (`port: 0` picks a free port); resolves once it listens. */
export async function startStaticServer({ root, port = 0, prefix = '/', noStore = null }) {
  const s = createStaticServer({ root: await checkRoot(root), prefix, noStore });
  await new Promise((ok, fail) => {
    s.server.once('error', fail);
    s.server.listen(port, '127.0.0.1', ok);
  });
  const origin = `http://127.0.0.1:${s.server.address().port}`;
  return Object.assign(s, {
    origin,
    url: origin + s.prefix,
    close: () =>
      new Promise((ok) => {
        s.server.closeAllConnections?.();
        s.server.close(() => ok());
      }),
  });
}

async function main(argv) {
  const args = [...argv];
  let prefix = '/';
  const at = args.indexOf('--prefix');
  if (at !== -1) {
    prefix = args[at + 1];
    args.splice(at, 2);
  }
  const [dirArg, portArg] = args;
  if (!dirArg || !portArg || !prefix) {
    console.error('usage: node tests/support/static-server.mjs DIR PORT [--prefix /path/]');
    process.exit(2);
  }
  const port = Number(portArg);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    console.error(`static-server: bad port ${portArg}`);
    process.exit(2);
  }
  let root;
  try {
    root = await checkRoot(dirArg);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
  const { server, prefix: p } = createStaticServer({ root, prefix });
  server.listen(port, '127.0.0.1', () => {
    console.log(`serving ${root} at http://127.0.0.1:${port}${p}`);
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
