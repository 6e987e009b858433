// The JS side of the binding: JSON text in and out of the WebAssembly module, errors with a
// code, and a fresh instance after a trap. Shared by the browser (web.js) and Node (node.js)
// entries; no rule logic lives here.

/** Thrown for misuse only; invalid data is the report, never an exception. */
export class TreemError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'TreemError';
    this.code = code;
  }
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
        throw new TreemError(info.error, info.message);
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

  return {
    instantiate,
    api: {
      validate: (kind, record, options) =>
        call(glue.validateJson, [nameArg(kind, 'kind'), jsonArg(record, 'record'), optionsArg(options)]),
      validateMany: (kind, records, options) =>
        call(glue.validateManyJson, [nameArg(kind, 'kind'), jsonArg(records, 'records'), optionsArg(options)]),
      normalize: (kind, record, options) =>
        call(glue.normalizeJson, [nameArg(kind, 'kind'), jsonArg(record, 'record'), optionsArg(options)]),
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
