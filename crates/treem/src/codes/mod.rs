//! Every issue code, as a constant a Rust caller can match on, and the code table.
//!
//! An [`Issue`](crate::Issue)'s `code` is a stable dotted string (`child.sex_unknown`):
//! JSON callers compare it as text, and so may Rust callers, through these constants: one
//! module per prefix of the code, one `&str` constant per code, named by the rest of it
//! (`child.sex_unknown` is [`child::SEX_UNKNOWN`]). A constant is a pattern, so a `match`
//! on `issue.code.as_str()` reads as the table does. The constants are generated from the
//! code table itself (`codes/generated.rs`, regenerated with `TREEM_WRITE_DOCS=1 cargo test
//! -p treem --test docs`, a test fails when it is stale), so they cannot drift from the
//! codes the rules raise. A code is never reused with another meaning; `docs/codes.md` lists
//! every code with its rule, its legal source and both messages, and [`get`] answers the
//! same for one code.
//!
//! The constants exist whatever the crate features; a build without a domain never raises
//! that domain's codes.
//!
//! # Examples
//! ```
//! use treem::{codes, Validator};
//!
//! let validator = Validator::builder().lang(treem::Lang::En).build()?;
//! let report = validator.validate("child", &serde_json::json!({"sex": "x"}))?;
//! for issue in &report.issues {
//!     match issue.code.as_str() {
//!         codes::child::SEX_UNKNOWN => assert_eq!(issue.path, "/sex"),
//!         other => unreachable!("{other}"),
//!     }
//! }
//! let def = codes::get(codes::child::SEX_UNKNOWN).unwrap();
//! assert_eq!(def.severity, treem::Severity::Error);
//! # Ok::<(), treem::Error>(())
//! ```

pub use crate::i18n::CodeDef;
pub use crate::issue_codes::{all, get, markdown};

include!("generated.rs");

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    /// Every code the rules of this build raise has its constant; with every domain built,
    /// every constant is a code of the table (`tests/docs.rs` checks the text itself).
    #[test]
    fn every_code_has_a_constant_and_every_constant_a_code() {
        let constants: BTreeSet<&str> = super::ALL.iter().copied().collect();
        assert_eq!(constants.len(), super::ALL.len(), "a constant is repeated");
        let table: BTreeSet<&str> = super::all().map(|def| def.code).collect();
        let missing: Vec<&&str> = table.difference(&constants).collect();
        assert!(missing.is_empty(), "codes without a constant: {missing:?}");
        #[cfg(all(
            feature = "school",
            feature = "child",
            feature = "case",
            feature = "safe-school",
            feature = "indicators",
            feature = "directive"
        ))]
        {
            let stale: Vec<&&str> = constants.difference(&table).collect();
            assert!(stale.is_empty(), "constants of no code: {stale:?}");
        }
    }
}
