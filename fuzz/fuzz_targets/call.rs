//! Every named operation of `treem::api::call` (`operation_names()`: deadlines, roll-ups,
//! indicators, task reports) on arbitrary bytes and options.
#![cfg_attr(fuzzing, no_main)]

#[path = "shim.rs"]
mod shim;

fn run(input: &[u8]) {
    let parts = shim::split(input);
    let names = treem::api::operation_names();
    let operation = shim::pick(parts.name, &names);
    let _ = treem::api::call(operation, parts.data, parts.options);
}

#[cfg(fuzzing)]
libfuzzer_sys::fuzz_target!(|data: &[u8]| run(data));

#[cfg(not(fuzzing))]
fn main() {
    shim::replay(run);
}
