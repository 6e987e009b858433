// Node entry: the module is compiled and instantiated on import, so every operation is ready;
// `init()` exists (and does nothing) so code written for the browser entry runs unchanged.
import { readFileSync } from 'node:fs';
import * as glue from './treem_wasm.js';
import { bind } from './core.js';
import { standardSchemas } from './standard.js';

export { TreemError } from './core.js';

const compiled = new WebAssembly.Module(readFileSync(new URL('./treem_wasm_bg.wasm', import.meta.url)));
const bound = bind(glue, () => compiled);
bound.instantiate();

export default async function init() {}

export const { validate, validateMany, normalize, schema, parse, catalog, version, indicators, call, loadGeography } = bound.api;
export const __testing = bound.testing;

// Standard Schema v1 objects of every kind (js/standard.js); `case` is a reserved word, so the
// case record's is `caseRecord` (also exported as `case`: `import { case as c }`).
export const { standardSchema, child, caseRecord, school, safeSchoolAssessment, criteriaSet, directive, taskReport } =
  standardSchemas(bound.api);
export { caseRecord as case };
export { pointerPath } from './standard.js';
