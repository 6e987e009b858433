//! `treem`: validate, clean and report on child-protection datasets from the command line.
//!
//! The `treem` binary is [`main`]; this library target exists so other programs of the
//! workspace link the same code (the fuzz targets read datasets through [`readers`]).
//!
//! Every answer comes from the `treem` core, so the CLI, the C ABI and the browser all say
//! the same thing about the same record. This crate adds only what a dataset needs: reading
//! NDJSON, JSON arrays, CSV and Excel as a stream ([`input`]), checking chunks on every core
//! in input order ([`pipeline`]), and writing summaries, issue lists and cleaned data
//! ([`output`]).

mod args;
mod check;
mod commands;
mod failure;
mod input;
mod memory;
mod options;
mod output;
mod pipeline;
mod progress;
pub mod readers;
mod sample;
mod signals;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};
use failure::Failure;

/// Exit code: every record valid (warnings allowed).
pub(crate) const EXIT_OK: u8 = 0;
/// Exit code: some record invalid or some row unreadable.
pub(crate) const EXIT_ISSUES: u8 = 1;
/// Exit code: misuse (unknown kind, bad option, unreadable file) or an output that could not
/// be written (full disk): nothing was written under the target's name.
pub(crate) const EXIT_MISUSE: u8 = 2;
/// Exit code: standard output was closed by its reader (`treem ... | head`): 128 + SIGPIPE,
/// what a shell shows for a program that the closed pipe ended.
pub(crate) const EXIT_BROKEN_PIPE: u8 = 141;

/// Runs the command line: reads the arguments of the process, runs the command, and answers
/// the exit code (0 all valid, 1 issues, 2 misuse, 141 standard output closed). What the
/// `treem` binary's `main` does; a library function so that other programs (the fuzz
/// targets) link the same code rather than compile its files again.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    signals::install();
    // Files written by the run replace their targets only now that it has succeeded.
    match run(&cli).and_then(|code| output::commit().map(|()| code)) {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            output::discard();
            if failure.is_broken_pipe() {
                // The reader has all it wanted (`| head`): not an error worth a word, and
                // there is nobody left on stdout to tell.
                return ExitCode::from(EXIT_BROKEN_PIPE);
            }
            // Misuse: a line on stderr for people, in their language; and where standard
            // output carries a machine-readable answer, the structured answer there too, so
            // a program reading it gets JSON rather than nothing. As text first: serde_json's
            // `Display` panics when the writer under it fails.
            let lang = cli.lang();
            if cli.answers_in_json() {
                let answer = failure.to_json_in(lang).to_string();
                let _ = writeln!(std::io::stdout(), "{answer}");
            }
            eprintln!("treem: {}", failure.message(lang));
            ExitCode::from(EXIT_MISUSE)
        }
    }
}

fn run(cli: &Cli) -> Result<u8, Failure> {
    match &cli.command {
        Command::Validate(args) => commands::validate::run(args),
        Command::Clean(args) => commands::clean::run(args),
        Command::Schema { kind } => commands::info::schema(kind),
        Command::Parse { what, text, common } => commands::info::parse(what, text, common),
        Command::Catalog {
            name,
            format,
            province,
            district,
            common,
        } => commands::info::catalog(
            name,
            format,
            [
                ("province", province.as_deref()),
                ("district", district.as_deref()),
            ],
            common,
        ),
        Command::Sample(args) => sample::run(args),
        Command::Report(args) => commands::report::run(args),
        Command::Merge(args) => commands::report::merge(args),
        Command::Dedup(args) => commands::dedup::run(args),
    }
}
