//! Safe schools: criteria sets as versioned data, self-assessments, scoring and roll-ups.
//!
//! - [`criteria`]: the [`criteria::CriteriaSet`] type; [`builtin`]: the sets treem ships
//!   (TT 18/2023/TT-BGDĐT, TT 45/2021/TT-BGDĐT for schools and for independent groups and
//!   classes, QĐ 548/QĐ-LĐTBXH "Ngôi nhà an toàn", NĐ 80/2017/NĐ-CP Điều 3–6 as a checklist),
//!   each marked `thresholds_only`, `partial` or `complete`;
//! - [`set_check`]: the kind `criteria_set`, for a complete set supplied by the caller;
//! - [`assessment`]: the kind `safe_school_assessment`, checked into an [`Assessment`]; [`score`](mod@score): the level and its reasons;
//! - [`rollup`]: the lists per managing authority, as mergeable partials.
//!
//! The official appendices' criterion texts are not in treem's sources and are never
//! invented: to assess against TT 18/2023 or TT 45/2021, supply the complete set inline as the
//! assessment's `criteria_set` (with the same `id`, its threshold must equal the document's).

pub mod assessment;
pub mod builtin;
mod checked;
mod choice;
pub mod criteria;
pub mod rollup;
pub mod score;
pub mod set_check;

pub use assessment::{assess, Assessed};
pub use checked::{Assessment, CriterionResult, Remedy, SetUsed};
pub use criteria::CriteriaSet;
pub use rollup::{Rollup, RollupPartial};
pub use score::{score, Score};

#[cfg(test)]
mod tests;
