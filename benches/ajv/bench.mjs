// node bench.mjs SCHEMA NDJSON: reads the NDJSON as a stream, JSON.parse + ajv validate per
// line (one thread: ajv has no worker pool of its own), prints one JSON line with the rate.
import { createReadStream, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import Ajv2020 from "ajv/dist/2020.js";

const [schemaPath, dataPath] = process.argv.slice(2);
const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
const validate = ajv.compile(schema);
const started = process.hrtime.bigint();
let records = 0;
let invalid = 0;
const lines = createInterface({ input: createReadStream(dataPath), crlfDelay: Infinity });
for await (const line of lines) {
  if (!line) continue;
  records++;
  try {
    if (!validate(JSON.parse(line))) invalid++;
  } catch {
    invalid++;
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ records, invalid, seconds: +seconds.toFixed(3), records_per_second: Math.round(records / seconds) }));
