//! One module per subcommand.

pub(crate) mod clean;
pub(crate) mod dataset;
pub(crate) mod dedup;
pub(crate) mod info;
pub(crate) mod records;
pub(crate) mod report;
pub(crate) mod validate;
