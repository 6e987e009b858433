// The one timing loop of the benchmarks (not a test): the median time of `runs` calls of `fn`,
// one input after the other in turn, in µs. Each call is timed alone, so a pause of the
// machine (a collection, another process) moves the tail, not the median.
export function median(fn, inputs, runs) {
  const times = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const input = inputs[i % inputs.length];
    const t0 = process.hrtime.bigint();
    fn(input);
    times[i] = Number(process.hrtime.bigint() - t0);
  }
  times.sort();
  return times[runs >> 1] / 1000;
}
