// What the package's size is made of: the code by origin (crate, or module of treem) and the
// data by embedded file, each gzipped on its own, plus the largest functions.
//
//   bash bindings/wasm/build.sh   # also writes the module with its names to target/wasm-names/
//   node bindings/wasm/bench/size-breakdown.mjs [--top N] [--module child]
// (--module child: the child form's module, pkg/child/; by default the root module.)
//
// The named module is the shipped one optimised by the same wasm-opt command with `-g`
// instead of `--strip-debug` (build.sh): the same code and data byte for byte
// (tests/size.test.mjs checks it), with names. Groups are gzipped alone, so their sum is a
// little more than the module's gzipped size (gzip also folds repetition across groups).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { KEY_END } from '../layout-names.mjs';
import { Cursor } from '../wasm-binary.mjs';

const root = fileURLToPath(new URL('../../..', import.meta.url));
/// The named copy and the shipped module of the package's module in folder `dir` of pkg/
/// (`.`: every domain; `child`: the child form's).
export const namedModulePath = (dir = '.') => join(root, 'target/wasm-names', dir, 'treem_wasm_bg.wasm');
export const shippedModulePath = (dir = '.') => join(root, 'bindings/wasm/pkg', dir, 'treem_wasm_bg.wasm');
const DATA_DIR = join(root, 'crates/treem/data');

export const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

/// The sections of a module that the breakdown needs: function bodies (with their names from
/// the `name` section, when there is one), the data segments laid out in linear memory, and
/// the size of each section by id, in the order of the module.
export function readModule(bytes) {
  const at = new Cursor(bytes, 8);
  const skipLimits = () => {
    const flags = at.uleb();
    at.uleb();
    if (flags & 1) at.uleb();
  };
  let importedFunctions = 0;
  const bodies = [];
  const names = new Map();
  const segments = [];
  const sections = new Map();
  while (at.pos < bytes.length) {
    const id = bytes[at.pos++];
    const size = at.uleb();
    const end = at.pos + size;
    sections.set(id, (sections.get(id) ?? 0) + size);
    if (id === 2) {
      for (let n = at.uleb(); n > 0; n--) {
        at.name(); // module
        at.name(); // field
        const kind = bytes[at.pos++];
        if (kind === 0) {
          at.uleb();
          importedFunctions++;
        } else if (kind === 1) {
          at.pos++;
          skipLimits();
        } else if (kind === 2) {
          skipLimits();
        } else if (kind === 3) {
          at.pos += 2;
        } else {
          throw new Error(`import of kind ${kind} not understood`);
        }
      }
    } else if (id === 10) {
      for (let n = at.uleb(); n > 0; n--) {
        const bodySize = at.uleb();
        bodies.push(bytes.subarray(at.pos, at.pos + bodySize));
        at.pos += bodySize;
      }
    } else if (id === 11) {
      for (let n = at.uleb(); n > 0; n--) {
        const flags = at.uleb();
        if (flags !== 0) throw new Error(`data segment with flags ${flags} not understood`);
        if (bytes[at.pos++] !== 0x41) throw new Error('data segment offset is not i32.const');
        const offset = at.sleb32();
        if (bytes[at.pos++] !== 0x0b) throw new Error('data segment offset expression too long');
        const length = at.uleb();
        segments.push({ offset, bytes: bytes.subarray(at.pos, at.pos + length) });
        at.pos += length;
      }
    } else if (id === 0 && at.name() === 'name') {
      while (at.pos < end) {
        const sub = bytes[at.pos++];
        const subEnd = at.uleb() + at.pos;
        if (sub === 1) {
          for (let n = at.uleb(); n > 0; n--) {
            const index = at.uleb();
            names.set(index, at.name());
          }
        }
        at.pos = subEnd;
      }
    }
    at.pos = end;
  }
  const functions = bodies.map((body, i) => ({
    name: names.get(importedFunctions + i) ?? `<function ${importedFunctions + i}>`,
    body,
  }));
  return { functions, segments, sections, named: names.size > 0 };
}

/// A symbol without its layout key, its hash (`::h0123…`, legacy mangling) and crate
/// disambiguators (`treem[9f89…]::`, v0 mangling, which the package is built with).
/// build.sh names functions `<sort key> | <name>` (layout-names.mjs); the key is dropped.
const plain = (name) => {
  const keyEnd = name.indexOf(KEY_END);
  const original = keyEnd < 0 ? name : name.slice(keyEnd + KEY_END.length);
  return original.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]+\]/g, '');
};

/// Where a function comes from, from its demangled name: the module of
/// treem for treem's own code and for trait impls on treem's types (a `Deserialize` of a
/// draft is the draft's reader), otherwise the crate, with the large families of the
/// standard library on their own.
export function origin(name) {
  const bare = plain(name);
  // The self type of an impl says whose code it is: `<treem::x::Y as serde::Deserialize>`.
  const path = bare.replace(/^(<|&mut |&)+/, '');
  const treem = /^treem::([a-z_0-9]+)/.exec(path) ?? /^treem_wasm::/.exec(path);
  if (treem) return treem[1] ? `treem::${treem[1]}` : 'treem_wasm (exports)';
  if (/^(alloc|core|std)::fmt|flt2dec|::fmt::/.test(path) && !/^(serde|treem)/.test(path)) {
    return 'core: formatting';
  }
  if (/^alloc::collections::btree/.test(path)) return 'alloc: BTreeMap';
  if (/^alloc::(vec|raw_vec)/.test(path)) return 'alloc: Vec';
  if (/^core::(iter|ops::function)/.test(path)) return 'core: iterators and closures';
  if (/^core::(slice::sort|str::pattern)/.test(path)) return 'core: sort and search';
  const crate = /^([A-Za-z_][A-Za-z_0-9]*)::/.exec(path);
  if (crate) return crate[1];
  if (/multivalue shim|externref|^__wbindgen|^__wbg/.test(bare)) return 'wasm-bindgen glue';
  return 'other';
}

/// Every file under crates/treem/data (what the core embeds with include_str!).
export function dataFiles() {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files.push({ path: relative(root, path), bytes: readFileSync(path) });
    }
  };
  walk(DATA_DIR);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/// The breakdown of one named module: code by origin, the largest functions, data by
/// embedded file (found verbatim in the data segments) and the rest of the data.
export function breakdown(module, files = dataFiles()) {
  const groups = new Map();
  for (const f of module.functions) {
    const key = origin(f.name);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(f.body);
  }
  const code = module.functions.map((f) => f.body);
  const codeGroups = [...groups]
    .map(([name, bodies]) => ({
      name,
      functions: bodies.length,
      raw: bodies.reduce((sum, b) => sum + b.length, 0),
      gzipped: gz(Buffer.concat(bodies)),
    }))
    .sort((a, b) => b.gzipped - a.gzipped || a.name.localeCompare(b.name));
  const largest = [...module.functions]
    .sort((a, b) => b.body.length - a.body.length || a.name.localeCompare(b.name))
    .map((f) => ({ name: plain(f.name), raw: f.body.length }));

  const data = Buffer.concat(module.segments.map((s) => s.bytes));
  const claimed = new Uint8Array(data.length);
  const embedded = [];
  for (const file of files) {
    const at = data.indexOf(file.bytes);
    if (at < 0 || file.bytes.length === 0) continue;
    claimed.fill(1, at, at + file.bytes.length);
    embedded.push({ path: file.path, raw: file.bytes.length, gzipped: gz(file.bytes) });
  }
  const rest = Buffer.from(data.filter((_, i) => !claimed[i]));
  return {
    code: { raw: code.reduce((s, b) => s + b.length, 0), gzipped: gz(Buffer.concat(code)), groups: codeGroups },
    largest,
    data: {
      raw: data.length,
      gzipped: gz(data),
      embedded: embedded.sort((a, b) => b.gzipped - a.gzipped),
      rest: { raw: rest.length, gzipped: gz(rest) },
    },
  };
}

const kb = (n) => (n / 1024).toFixed(1).padStart(7);

function main() {
  const topIndex = process.argv.indexOf('--top');
  const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 15;
  const moduleIndex = process.argv.indexOf('--module');
  const dir = moduleIndex > 0 ? process.argv[moduleIndex + 1] : '.';
  const namedPath = namedModulePath(dir);
  let named;
  try {
    named = readFileSync(namedPath);
  } catch {
    console.error(`${relative(root, namedPath)} is missing; build it with:`);
    console.error('  bash bindings/wasm/build.sh');
    process.exit(1);
  }
  const module = readModule(named);
  if (!module.named) throw new Error('the named module has no name section');
  const shipped = readModule(readFileSync(shippedModulePath(dir)));
  const b = breakdown(module);
  const shippedCode = shipped.functions.reduce((s, f) => s + f.body.length, 0);
  console.log(`size breakdown of the package module pkg/${dir} (KiB; each group gzipped on its own)`);
  console.log(
    `code ${kb(b.code.raw)} raw, ${kb(b.code.gzipped)} gzipped ` +
      `(shipped module: ${kb(shippedCode)} raw, ${shipped.functions.length} functions)`,
  );
  console.log('  gzipped      raw  functions  origin');
  for (const g of b.code.groups) {
    console.log(`  ${kb(g.gzipped)}  ${kb(g.raw)}  ${String(g.functions).padStart(9)}  ${g.name}`);
  }
  console.log(`largest functions (raw, after wasm-opt inlined into them):`);
  for (const f of b.largest.slice(0, top)) console.log(`  ${kb(f.raw)}  ${f.name.slice(0, 110)}`);
  console.log(`data ${kb(b.data.raw)} raw, ${kb(b.data.gzipped)} gzipped`);
  console.log('  gzipped      raw  embedded file');
  for (const e of b.data.embedded) console.log(`  ${kb(e.gzipped)}  ${kb(e.raw)}  ${e.path}`);
  console.log(
    `  ${kb(b.data.rest.gzipped)}  ${kb(b.data.rest.raw)}  the rest: messages, catalogs, ` +
      'strings of the rules, and the tables that point to them',
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
