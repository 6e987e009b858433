// A tiny static server for the browser form example (no dependencies):
//   node bindings/wasm/serve.mjs [port] [folder]   (default 8080, target/browser-form)
// Also imported by the end-to-end test, which serves on a free port.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
};

export const DEFAULT_ROOT = resolve(fileURLToPath(new URL('../../target/browser-form', import.meta.url)));

/** Serves `root` on `port` (0 = any free port); resolves to the listening server. */
export function serve(root = DEFAULT_ROOT, port = 8080, host = '127.0.0.1') {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      // A folder named without its slash (`/case`): its page's relative links need the slash.
      if (!path.endsWith('/') && (await stat(file)).isDirectory()) {
        res.writeHead(301, { location: `${path}/` }).end();
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 8080);
  const root = resolve(process.argv[3] ?? DEFAULT_ROOT);
  const server = await serve(root, port);
  console.log(`serving ${root} at http://127.0.0.1:${server.address().port}/`);
}
