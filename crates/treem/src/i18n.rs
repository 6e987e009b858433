//! Messages in Vietnamese (default) and English, keyed by issue code.
//!
//! Every issue code is declared once, next to the rule that raises it, with the `codes!`
//! macro: code, severity, rule, legal source and both message templates. The macro also puts
//! the code in its module's `CODES` slice, and [`crate::issue_codes::all`] chains those slices, so
//! the code table (`docs/codes.md`, the `issue_codes` catalog) is generated from the same
//! definitions the rules use and cannot drift from them.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::report::Severity;

/// The language messages and labels are rendered in.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Vietnamese, the default.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// The ISO 639-1 code (`vi`, `en`).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(treem::Lang::Vi.as_str(), "vi");
    /// assert_eq!(treem::Lang::En.as_str(), "en");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Lang {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Lang, crate::Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" | "vie" | "vi-vn" => Ok(Lang::Vi),
            "en" | "eng" | "en-us" | "en-gb" => Ok(Lang::En),
            _ => Err(crate::Error::invalid_option(
                "lang",
                "expected \"vi\" or \"en\"",
            )),
        }
    }
}

/// The definition of one issue code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeDef {
    /// Stable dotted code, e.g. `phone.unknown_prefix`.
    pub code: &'static str,
    /// Severity the code is always raised with.
    pub severity: Severity,
    /// The rule (module) that raises it, e.g. `vn.phone`.
    pub rule: &'static str,
    /// The legal or official source of the rule, or `treem` for a data-quality rule of ours.
    pub source: &'static str,
    /// Vietnamese message template; `{name}` is replaced by the parameter `name`.
    pub vi: &'static str,
    /// English message template.
    pub en: &'static str,
}

impl CodeDef {
    /// The template in `lang`.
    ///
    /// # Examples
    /// ```
    /// let def = treem::codes::get("child.sex_unknown").unwrap();
    /// assert_ne!(def.template(treem::Lang::Vi), def.template(treem::Lang::En));
    /// ```
    pub const fn template(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.vi,
            Lang::En => self.en,
        }
    }

    /// Renders the message in `lang`, replacing each `{name}` with its parameter.
    /// A placeholder without a parameter is kept as written, so a missing value shows
    /// instead of vanishing.
    ///
    /// # Examples
    /// ```
    /// use std::collections::BTreeMap;
    /// let def = treem::codes::get("child.sex_unknown").unwrap();
    /// // A placeholder without its parameter stays as written.
    /// let message = def.render(treem::Lang::En, &BTreeMap::new());
    /// assert!(!message.is_empty());
    /// ```
    pub fn render(&self, lang: Lang, params: &BTreeMap<String, serde_json::Value>) -> String {
        render_template(self.template(lang), params)
    }
}

fn render_template(template: &str, params: &BTreeMap<String, serde_json::Value>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, after_open) = rest.split_at(open);
        out.push_str(before);
        let after_brace = after_open.get(1..).unwrap_or("");
        match after_brace.find('}') {
            Some(close) => {
                let name = after_brace.get(..close).unwrap_or("");
                match params.get(name) {
                    Some(serde_json::Value::String(s)) => out.push_str(s),
                    Some(other) => out.push_str(&other.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = after_brace.get(close + 1..).unwrap_or("");
            }
            None => {
                out.push_str(after_open);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Declares issue codes: one `pub const` per code plus a `CODES` slice holding them all.
///
/// ```text
/// codes! {
///     /// Doc for the constant.
///     PHONE_UNKNOWN_PREFIX = "phone.unknown_prefix", Error, "vn.phone",
///         "QĐ 798/QĐ-BTTTT", "Đầu số {prefix} không tồn tại", "Unknown prefix {prefix}";
/// }
/// ```
#[macro_export]
#[doc(hidden)]
macro_rules! codes {
    ($( $(#[$meta:meta])* $name:ident = $code:literal, $sev:ident, $rule:literal, $source:literal, $vi:literal, $en:literal; )+) => {
        $(
            $(#[$meta])*
            // Public: the rules of other modules raise it (a module may be private).
            #[allow(unreachable_pub)]
            pub const $name: $crate::i18n::CodeDef = $crate::i18n::CodeDef {
                code: $code,
                severity: $crate::report::Severity::$sev,
                rule: $rule,
                source: $source,
                vi: $vi,
                en: $en,
            };
        )+
        /// Every issue code this module raises.
        #[allow(unreachable_pub)]
        pub const CODES: &[$crate::i18n::CodeDef] = &[$($name),+];
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_replaces_known_and_keeps_unknown_placeholders() {
        let mut params = BTreeMap::new();
        params.insert("a".to_owned(), serde_json::Value::from("x"));
        params.insert("n".to_owned(), serde_json::Value::from(3));
        assert_eq!(render_template("{a}-{n}-{b}", &params), "x-3-{b}");
        assert_eq!(render_template("open { only", &params), "open { only");
    }

    #[test]
    fn lang_parses_case_insensitively() {
        assert_eq!("EN".parse::<Lang>().unwrap(), Lang::En);
        assert_eq!("vi".parse::<Lang>().unwrap(), Lang::Vi);
        assert!("fr".parse::<Lang>().is_err());
    }
}
