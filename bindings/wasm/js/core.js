// The JS side of the binding: JSON text in and out of the WebAssembly module, errors with a
// code, and a fresh instance after a trap. Shared by the browser (web.js) and Node (node.js)
// entries; no rule logic lives here.

/** Thrown for misuse only; invalid data is the report, never an exception. */
export class TreemError extends Error {
  constructor(code, message, info) {
    super(message);
    this.name = 'TreemError';
    this.code = code;
    // record_too_large: {bytes, limit}, and the message in Vietnamese.
    if (info?.params !== undefined) this.params = info.params;
    if (info?.message_vi !== undefined) this.message_vi = info.message_vi;
  }
}

// The core's default of option max_record_bytes (treem::context::DEFAULT_MAX_RECORD_BYTES);
// tests/memory.test.mjs holds the two together.
const DEFAULT_MAX_RECORD_BYTES = 1048576;

// The record size limit the options ask for, or null when they are not valid (then the core
// says why).
function recordLimit(options) {
  let value = options;
  if (typeof options === 'string') {
    if (options.trim() === '') return DEFAULT_MAX_RECORD_BYTES;
    try {
      value = JSON.parse(options);
    } catch {
      return null;
    }
  }
  if (value === undefined || value === null) return DEFAULT_MAX_RECORD_BYTES;
  if (typeof value !== 'object' || Array.isArray(value)) return null;
  const limit = value.max_record_bytes;
  if (limit === undefined || limit === null) return DEFAULT_MAX_RECORD_BYTES;
  return Number.isSafeInteger(limit) && limit >= 1 ? limit : null;
}

// Bytes of `text` in UTF-8, as TextEncoder writes it (a lone surrogate becomes U+FFFD).
function utf8Length(text) {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function nameArg(value, what) {
  if (typeof value !== 'string') {
    throw new TreemError('invalid_argument', `${what} must be a string, got ${typeof value}`);
  }
  return value;
}

// A JS value becomes JSON text; a string is taken to be JSON text already.
function jsonArg(value, what) {
  if (typeof value === 'string') return value;
  if (value === undefined) throw new TreemError('invalid_argument', `${what} is missing`);
  let text;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    throw new TreemError('not_json', `${what} cannot be written as JSON: ${e.message}`);
  }
  if (text === undefined) {
    throw new TreemError('not_json', `${what} cannot be written as JSON (${typeof value})`);
  }
  return text;
}

function optionsArg(options) {
  return options === undefined || options === null ? '' : jsonArg(options, 'options');
}

/**
 * Binds the operations to a wasm-bindgen glue module (`--target web`, whose `initSync` the
 * build lets run more than once) and a compiled `WebAssembly.Module` given by `getModule`.
 */
export function bind(glue, getModule) {
  let instances = 0;
  let exports;
  // Tables loaded into an instance die with it: remembered, they are loaded again into the
  // fresh instance after a trap.
  let geographyText = null;

  function instantiate() {
    exports = glue.initSync({ module: getModule() });
    instances += 1;
    if (geographyText !== null) glue.loadGeography(geographyText);
  }

  function call(fn, args) {
    if (instances === 0) {
      throw new TreemError('not_initialised', 'call and await init() before using treem');
    }
    let text;
    try {
      text = fn(...args);
    } catch (e) {
      if (typeof e === 'string') {
        // The core's misuse error: {"error": code, "message": text}.
        let info;
        try {
          info = JSON.parse(e);
        } catch {
          info = { error: 'internal', message: e };
        }
        throw new TreemError(info.error, info.message, info);
      }
      // A trap (or a stack overflow inside the module) may leave its memory half-updated:
      // never call that instance again, so one bad call cannot poison a long-lived page.
      if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
        instantiate();
        throw new TreemError('trap', `the WebAssembly module trapped (${e.message}); it was instantiated again`);
      }
      throw e;
    }
    return JSON.parse(text);
  }

  // One record: a record longer than the limit is refused here, by the core's own answer for
  // its length, without copying it into the module. Copying alone would grow the linear
  // memory by the record's size for the rest of the instance's life (it never shrinks).
  // A record of at most `limit` UTF-16 units (up to 3 bytes each) is checked by the core.
  function record(fn, kind, value, options) {
    const name = nameArg(kind, 'kind');
    const text = jsonArg(value, 'record');
    const opts = optionsArg(options);
    const limit = recordLimit(options);
    if (limit === null || text.length > limit) {
      const bytes = limit === null ? 0 : utf8Length(text);
      call(glue.checkRecordJson, [name, bytes, opts]);
    }
    return call(fn, [name, text, opts]);
  }

  return {
    instantiate,
    api: {
      validate: (kind, value, options) => record(glue.validateJson, kind, value, options),
      // The batch goes in as UTF-8 bytes, encoded here on the JS heap: the module's copy is
      // then exactly its size (see validate_many_json in src/lib.rs).
      validateMany: (kind, records, options) =>
        call(glue.validateManyJson, [
          nameArg(kind, 'kind'),
          new TextEncoder().encode(jsonArg(records, 'records')),
          optionsArg(options),
        ]),
      normalize: (kind, value, options) => record(glue.normalizeJson, kind, value, options),
      // normalize, the record null when the report has an error (the Standard Schema
      // objects' validate, js/standard.js); not exported by the entries.
      normalizeWhenValid: (kind, value, options) => record(glue.normalizeWhenValidJson, kind, value, options),
      schema: (kind) => call(glue.schemaJson, [nameArg(kind, 'kind')]),
      parse: (what, text, options) =>
        call(glue.parseJson, [nameArg(what, 'parser name'), nameArg(text, 'text'), optionsArg(options)]),
      catalog: (name, options) => call(glue.catalogJson, [nameArg(name, 'catalog name'), optionsArg(options)]),
      version: () => call(glue.versionJson, []),
      indicators: (input, options) =>
        call(glue.indicatorsJson, [jsonArg(input, 'input'), optionsArg(options)]),
      call: (operation, input, options) =>
        call(glue.callJson, [nameArg(operation, 'operation'), jsonArg(input, 'input'), optionsArg(options)]),
      loadGeography: (text) => {
        const answer = call((t) => glue.loadGeography(t), [nameArg(text, 'geography text')]);
        if (answer.ok) geographyText = text;
        return answer;
      },
    },
    // For the package's own tests: trap on purpose, and count instantiations.
    testing: {
      trap: () => call(() => { glue.__testTrap(); return 'null'; }, []),
      instances: () => instances,
      exports: () => exports,
    },
  };
}
