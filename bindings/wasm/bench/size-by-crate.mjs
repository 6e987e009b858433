// Where the bytes of the .wasm go, by crate: reads the function names that cargo leaves in
// target/wasm32-unknown-unknown/wasm-release/treem_wasm.wasm (before wasm-bindgen and
// wasm-opt) and sums the code size of each function under its crate. Run after build.sh:
//   node bindings/wasm/bench/size-by-crate.mjs
// Sizes are before wasm-opt (which shrinks every crate alike), so read them as shares.
import { readFileSync } from 'node:fs';

const file = new URL('../../../target/wasm32-unknown-unknown/wasm-release/treem_wasm.wasm', import.meta.url);
const bytes = readFileSync(file);
let pos = 8;
function leb() {
  let result = 0;
  for (let shift = 0; ; shift += 7) {
    const b = bytes[pos++];
    result += (b & 0x7f) * 2 ** shift;
    if (!(b & 0x80)) return result;
  }
}
let imported = 0;
const bodies = [];
const names = new Map();
let dataSize = 0;
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = leb();
  const end = pos + size;
  if (id === 2) {
    for (let n = leb(); n > 0; n--) {
      pos += leb(); pos += leb(); // module, field
      const kind = bytes[pos++];
      if (kind === 0) { leb(); imported++; } else if (kind === 1) { pos++; const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); } else { pos += 2; }
    }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) { const s = leb(); bodies.push(s); pos += s; }
  } else if (id === 11) {
    dataSize += size;
  } else if (id === 0) {
    const nameLen = leb();
    const name = bytes.subarray(pos, pos + nameLen).toString();
    pos += nameLen;
    if (name === 'name') {
      while (pos < end) {
        const sub = bytes[pos++];
        const subSize = leb();
        const subEnd = pos + subSize;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) { const idx = leb(); const l = leb(); names.set(idx, bytes.subarray(pos, pos + l).toString()); pos += l; }
        }
        pos = subEnd;
      }
    }
  }
  pos = end;
}
// A Rust symbol (legacy mangling `_ZN<len><crate>...` or demangled `crate::...`) -> crate.
function crateOf(name) {
  // v0 mangling (`_R...`): the first crate root `C<disambiguator>_<len><name>`.
  const v0 = /^_R.*?C(?:s[0-9a-zA-Z]*_)?(\d+)([a-z_][a-z0-9_]*)/.exec(name);
  if (v0) return v0[2].slice(0, Number(v0[1]));
  const legacy = /^_ZN(\d+)/.exec(name);
  if (legacy) {
    const first = name.substr(legacy[0].length, Number(legacy[1]));
    // `<A as B>::f` impls: the crate of the type A.
    // (nested, as `<<A as B>::f::Visitor as C>::g`, for a type declared inside a function)
    const inner = /^_(?:\$LT\$)+([a-z_][a-z0-9_]*)/.exec(first);
    return inner ? inner[1] : first;
  }
  const generic = /^<?&?(?:mut )?([a-z_][a-z0-9_]*)::/.exec(name);
  return generic ? generic[1] : `(other: ${name.slice(0, 24)})`;
}
const byCrate = new Map();
bodies.forEach((size, i) => {
  const crate = crateOf(names.get(i + imported) ?? '?');
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + size);
});
const total = bodies.reduce((a, b) => a + b, 0);
console.log(`code ${(total / 1024).toFixed(1)} KB in ${bodies.length} functions; data ${(dataSize / 1024).toFixed(1)} KB`);
for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  console.log(`  ${crate.padEnd(28)} ${(size / 1024).toFixed(1).padStart(7)} KB  ${(100 * size / total).toFixed(0).padStart(3)}%`);
}
