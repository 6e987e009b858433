//! The `treem` binary: [`treem_cli::main`] with the allocator chosen for it.

use std::process::ExitCode;

/// mimalloc: checking a record makes many small short-lived allocations (the parsed JSON,
/// the draft, messages), and the system allocator spent about 30 % of the time in
/// `malloc`/`free` in profiles of `treem validate`. The binary only; the library and the
/// core choose none.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    treem_cli::main()
}
