// Small apps that use the package as an app would: `npm pack` of pkg/ installed from the
// tarball (so the `files` list and the `exports` map are what is tested) by npm, offline,
// into a folder under target/bundler-apps/; other dependencies (react, @rjsf, ...) are linked
// from bindings/wasm/node_modules (installed by `npm ci`). Used by tests/rjsf.e2e.test.mjs and
// tests/bundlers.test.mjs; not a test itself.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WASM = fileURLToPath(new URL('../../', import.meta.url));
export const ROOT = join(WASM, '../..');
export const WORK = join(ROOT, 'target/bundler-apps');
export const CHROMIUM = process.env.TREEM_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let tarball;

/**
 * `npm pack` of pkg/ (once per process, into a folder of this process: test files run in
 * parallel), removed when the process exits: the path of the tarball.
 */
export function packTreem() {
  if (tarball) return tarball;
  const dest = join(WORK, `pack-${process.pid}`);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  process.on('exit', () => rmSync(dest, { recursive: true, force: true }));
  const out = execFileSync(npm, ['pack', '--pack-destination', dest, '--json'], { cwd: join(WASM, 'pkg'), encoding: 'utf8' });
  tarball = join(dest, JSON.parse(out)[0].filename);
  return tarball;
}

/**
 * A fresh app folder `target/bundler-apps/<name>` with `files` ({ relative path: text }),
 * treem installed from the packed tarball, and `links` (package names or scopes) linked from
 * bindings/wasm/node_modules. Answers the folder.
 */
export function makeApp(name, files, links = []) {
  const dir = join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tgz = packTreem();
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `treem-app-${name}`, private: true, type: 'module', dependencies: { treem: `file:${tgz}` } }, null, 2));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', '--loglevel=error'], { cwd: dir, stdio: 'pipe' });
  for (const link of links) {
    const from = join(WASM, 'node_modules', link);
    if (!existsSync(from)) throw new Error(`${link} is not installed in bindings/wasm/node_modules; run npm ci`);
    mkdirSync(dirname(join(dir, 'node_modules', link)), { recursive: true });
    symlinkSync(from, join(dir, 'node_modules', link), 'dir');
  }
  return dir;
}
