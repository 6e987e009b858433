//! One module per subcommand.

pub(crate) mod clean;
pub(crate) mod dataset;
pub(crate) mod info;
pub(crate) mod validate;
