#!/usr/bin/env node
// A tiny zero-dependency static file server for the built app:
//   node tests/support/static-server.mjs DIR PORT
// Binds to 127.0.0.1. Serves files from DIR with their MIME types; "/" and
// extension-less unknown paths get DIR/index.html (single-page app); other
// unknown paths get 404; paths containing ".." are rejected with 400.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { resolve, join, extname, sep } from 'node:path';

const [dirArg, portArg] = process.argv.slice(2);
if (!dirArg || !portArg) {
  console.error('usage: node tests/support/static-server.mjs DIR PORT');
  process.exit(2);
}
const root = resolve(dirArg);
const port = Number(portArg);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`static-server: bad port ${portArg}`);
  process.exit(2);
}
try {
  if (!(await stat(join(root, 'index.html'))).isFile()) throw new Error();
} catch {
  console.error(`static-server: ${join(root, 'index.html')} is missing (run \`trunk build --release\` first)`);
  process.exit(1);
}

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

function send(res, status, body, type = 'text/plain; charset=utf-8', head = false) {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(head ? undefined : body);
}

const server = createServer(async (req, res) => {
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

  let target = pathname === '/' ? join(root, 'index.html') : join(root, pathname);
  if (target !== root && !target.startsWith(root + sep)) {
    return send(res, 400, 'bad request\n', undefined, head);
  }
  let file = await fileAt(target);
  if (!file && extname(pathname) === '') file = await fileAt(join(root, 'index.html'));
  if (!file) return send(res, 404, 'not found\n', undefined, head);

  try {
    const body = await readFile(file);
    send(res, 200, body, MIME[extname(file).toLowerCase()] ?? 'application/octet-stream', head);
  } catch {
    send(res, 500, 'read error\n', undefined, head);
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`serving ${root} at http://127.0.0.1:${port}/`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
