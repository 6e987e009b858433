// Build step of build.sh, between wasm-bindgen and wasm-opt: rewrites the names of the
// module's functions into sort keys, so that `wasm-opt --reorder-functions-by-name` lays the
// functions out in the order that gzip compresses best among those measured.
//
//   node layout-names.mjs <in.wasm> <out.wasm>
//
// The key puts every implementation of one trait method side by side whatever its type
// (all `Serialize::serialize`, all `Visitor::visit_str`, ...), since they are built alike;
// other functions follow, by name. Measured on the full package: 4.0 KB smaller gzipped than
// ordering by plain name (319.0 -> 315.0 KB), the same code. A key is
// `<trait>::<method>` (or `~`), then KEY_END, then the original name, which
// bench/size-breakdown.mjs reads back.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Cursor, encodeUleb } from './wasm-binary.mjs';

/// Ends the sort key; what follows is the function's original name.
export const KEY_END = ' | ';

/// The sort key of a function from its demangled name.
export function layoutKey(name) {
  const plain = name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]+\]/g, '');
  const traitMethod = /^<.* as ([^<>]*?)(<.*>)?>::([A-Za-z_0-9]+)/.exec(plain);
  return (traitMethod ? `${traitMethod[1]}::${traitMethod[3]}` : '~') + KEY_END + name;
}

/// The module with each function name of its `name` section replaced by `rename(name)`;
/// every other byte is kept. Fails when the module has no function names.
export function renameFunctions(bytes, rename) {
  const at = new Cursor(bytes, 8);
  const parts = [bytes.subarray(0, 8)];
  let renamed = 0;
  while (at.pos < bytes.length) {
    const sectionStart = at.pos;
    const id = bytes[at.pos++];
    const size = at.uleb();
    const end = at.pos + size;
    if (id === 0 && at.name() === 'name') {
      const subsections = [];
      while (at.pos < end) {
        const sub = bytes[at.pos++];
        const subSize = at.uleb();
        const subEnd = at.pos + subSize;
        if (sub === 1) {
          const count = at.uleb();
          const entries = [encodeUleb(count)];
          for (let i = 0; i < count; i++) {
            const index = at.uleb();
            const key = Buffer.from(rename(at.name()));
            entries.push(encodeUleb(index), encodeUleb(key.length), key);
            renamed++;
          }
          const body = Buffer.concat(entries);
          subsections.push(Buffer.from([1]), encodeUleb(body.length), body);
        } else {
          subsections.push(Buffer.from([sub]), encodeUleb(subSize), bytes.subarray(at.pos, subEnd));
        }
        at.pos = subEnd;
      }
      const label = Buffer.from('name');
      const content = Buffer.concat([encodeUleb(label.length), label, ...subsections]);
      parts.push(Buffer.from([0]), encodeUleb(content.length), content);
    } else {
      parts.push(bytes.subarray(sectionStart, end));
    }
    at.pos = end;
  }
  if (renamed === 0) throw new Error('the module has no function names to lay out by');
  return Buffer.concat(parts);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: node layout-names.mjs <in.wasm> <out.wasm>');
    process.exit(2);
  }
  writeFileSync(output, renameFunctions(readFileSync(input), layoutKey));
}
