// Browser entry: `import init, { validate } from 'treem'; await init();`
import * as glue from './treem_wasm.js';
import { bind } from './core.js';
import { standardSchemas } from './standard.js';

export { TreemError } from './core.js';

let compiled;
const bound = bind(glue, () => compiled);

/**
 * Loads and compiles the module once: from `source` (a URL, a Response, bytes or a compiled
 * WebAssembly.Module), by default `treem_wasm_bg.wasm` beside this file.
 */
export default async function init(source) {
  if (compiled) return;
  let input = await (source ?? new URL('./treem_wasm_bg.wasm', import.meta.url));
  if (input instanceof WebAssembly.Module) {
    compiled = input;
  } else {
    if (typeof input === 'string' || input instanceof URL) input = await fetch(input);
    if (typeof Response === 'function' && input instanceof Response) {
      if (!input.ok) throw new Error(`treem: cannot load the WebAssembly module (${input.status})`);
      input = await input.arrayBuffer();
    }
    compiled = await WebAssembly.compile(input);
  }
  bound.instantiate();
}

export const { validate, validateMany, normalize, schema, parse, catalog, version, indicators, call, loadGeography } = bound.api;
export const __testing = bound.testing;

// Standard Schema v1 objects of every kind (js/standard.js); `case` is a reserved word, so the
// case record's is `caseRecord` (also exported as `case`: `import { case as c }`).
export const { standardSchema, child, caseRecord, school, safeSchoolAssessment, criteriaSet, directive, taskReport } =
  standardSchemas(bound.api);
export { caseRecord as case };
export { pointerPath } from './standard.js';
