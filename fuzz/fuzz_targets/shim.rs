//! What every target shares: splitting an input into its parts, and the replay `main` used
//! when the target is built as a plain binary (without `--cfg fuzzing`).
//!
//! An input is `name NUL options NUL data`: the name picks the kind, parser or operation
//! (an unknown name picks one by its first byte, so no run is wasted), the options are JSON
//! text, the data is anything (it may hold more NUL bytes). Seeds written by
//! `fuzz/seeds.py` are in this form and stay readable.

#![allow(dead_code)]

/// The three parts of an input.
pub struct Parts<'a> {
    pub name: &'a [u8],
    pub options: &'a [u8],
    pub data: &'a [u8],
}

/// Splits `name NUL options NUL data`; missing parts are empty.
pub fn split(input: &[u8]) -> Parts<'_> {
    let mut it = input.splitn(3, |b| *b == 0);
    let name = it.next().unwrap_or_default();
    let options = it.next().unwrap_or_default();
    let data = it.next().unwrap_or_default();
    Parts {
        name,
        options,
        data,
    }
}

/// The name among `names` that `name` spells, or one chosen by its first byte.
pub fn pick<'n>(name: &[u8], names: &[&'n str]) -> &'n str {
    if let Some(found) = names.iter().find(|n| n.as_bytes() == name) {
        return found;
    }
    let index = usize::from(name.first().copied().unwrap_or(0)) % names.len().max(1);
    names.get(index).copied().unwrap_or("")
}

/// Replays every file named on the command line (folders: every file inside), printing each
/// name before running it so that a crash names its input.
pub fn replay(run: fn(&[u8])) {
    let mut files = Vec::new();
    for arg in std::env::args_os().skip(1) {
        let path = std::path::PathBuf::from(arg);
        if path.is_dir() {
            let mut inside: Vec<_> = std::fs::read_dir(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect();
            inside.sort();
            files.extend(inside);
        } else {
            files.push(path);
        }
    }
    let verbose = std::env::var_os("TREEM_FUZZ_VERBOSE").is_some();
    for file in &files {
        if verbose {
            eprintln!("replay {}", file.display());
        }
        let data = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let outcome = std::panic::catch_unwind(|| run(&data));
        if outcome.is_err() {
            eprintln!("crash replaying {}", file.display());
            std::process::exit(1);
        }
    }
    println!("replayed {} inputs", files.len());
}

/// Checks what every report must be: `ok` exactly when no issue is an error, and every
/// path a JSON Pointer.
pub fn check_report(report: &treem::Report) {
    let has_error = report
        .issues
        .iter()
        .any(|i| i.severity == treem::Severity::Error);
    assert_eq!(report.ok, !has_error, "ok disagrees with the issues");
    for issue in &report.issues {
        assert!(
            issue.path.is_empty() || issue.path.starts_with('/'),
            "path {:?} is not a JSON Pointer",
            issue.path
        );
        assert!(
            !issue.message.is_empty(),
            "issue {} has no message",
            issue.code
        );
    }
}
