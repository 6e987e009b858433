//! Masking of personal data in messages.
//!
//! Children's records are sensitive personal data (Nghị định 13/2023/NĐ-CP on personal data
//! protection, Điều 2 khoản 4). The library keeps nothing between calls; what it prints is
//! the code, the path and masked values only: never a full personal ID, phone number or name.

/// Masks an identifier or phone number, keeping the first three and last two characters of
/// at least eight: `031199000123` → `031*******23`. Shorter values are masked whole except
/// the first character.
///
/// # Examples
///
/// ```
/// assert_eq!(treem::privacy::mask_digits("031199000123"), "031*******23");
/// assert_eq!(treem::privacy::mask_digits("0912345678"), "091*****78");
/// assert_eq!(treem::privacy::mask_digits("12345"), "1****");
/// ```
pub fn mask_digits(value: &str) -> String {
    let chars: Vec<char> = value.chars().collect();
    let n = chars.len();
    if n >= 8 {
        chars
            .iter()
            .enumerate()
            .map(|(i, c)| if i < 3 || i >= n - 2 { *c } else { '*' })
            .collect()
    } else {
        chars
            .iter()
            .enumerate()
            .map(|(i, c)| if i == 0 { *c } else { '*' })
            .collect()
    }
}

/// Masks a person's name to its initials: `Nguyễn Văn An` → `N. V. A.`.
///
/// # Examples
///
/// ```
/// assert_eq!(treem::privacy::mask_name("Nguyễn Văn An"), "N. V. A.");
/// ```
pub fn mask_name(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|word| word.chars().next())
        .map(|c| format!("{c}."))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Keeps the first `max` characters of a longer text and marks the cut with `…` (so the
/// answer has `max + 1` characters), for echoing names of things the caller asked for
/// without echoing arbitrarily large input.
///
/// # Examples
///
/// ```
/// assert_eq!(treem::privacy::truncate("school_types", 6), "school…");
/// assert_eq!(treem::privacy::truncate("short", 10), "short");
/// ```
pub fn truncate(text: &str, max: usize) -> String {
    // At most `max` bytes is at most `max` characters: nothing to cut (most values; this
    // runs for every criterion of an assessment).
    if text.len() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max).collect();
    if text.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

/// The message of a serde error with the input's values taken out, cut to 200 characters.
///
/// serde quotes the value it could not read (`invalid type: string "031199000123",
/// expected u64`; ``unknown variant `Nguyễn Văn An`, expected one of `a`, `b` ``), and that
/// value may be an ID or a name. Quoted and backticked values before `expected` become `…`;
/// after it, backticked names are the library's own and stay.
///
/// # Examples
///
/// ```
/// let err = serde_json::from_str::<u64>(r#""031199000123""#).unwrap_err();
/// let text = treem::privacy::serde_error(&err);
/// assert!(!text.contains("031199000123"), "{text}");
/// assert!(text.starts_with("invalid type: string \"…\", expected u64"), "{text}");
/// ```
pub fn serde_error(err: &serde_json::Error) -> String {
    truncate(&redact_values(&err.to_string()), 200)
}

/// Replaces quoted values of a serde message with `…` (see [`serde_error`]).
///
/// # Examples
///
/// ```
/// let text = treem::privacy::redact_values(r#"invalid type: string "0912345678", expected u64"#);
/// assert_eq!(text, r#"invalid type: string "…", expected u64"#);
/// ```
pub fn redact_values(message: &str) -> String {
    let (head, tail) = match message.find("expected") {
        Some(at) => message.split_at(at),
        None => (message, ""),
    };
    let mut out = redact_between(head, &['"', '`']);
    out.push_str(&redact_between(tail, &['"']));
    out
}

fn redact_between(text: &str, quotes: &[char]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut open: Option<char> = None;
    for c in text.chars() {
        match open {
            Some(q) if c == q => {
                out.push('…');
                out.push(c);
                open = None;
            }
            Some(_) => {}
            None => {
                out.push(c);
                if quotes.contains(&c) {
                    open = Some(c);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masking_never_returns_the_input() {
        for s in ["031199000123", "0912345678", "111", "Nguyễn Văn An"] {
            assert_ne!(mask_digits(s), s);
        }
        assert_eq!(truncate("abcdef", 3), "abc…");
        assert_eq!(truncate("abc", 3), "abc");
    }

    #[test]
    fn serde_messages_lose_the_values_they_quote() {
        assert_eq!(
            redact_values("unknown variant `Trần Thị Bình`, expected one of `a`, `b`"),
            "unknown variant `…`, expected one of `a`, `b`"
        );
        assert_eq!(
            redact_values(r#"invalid type: string "0912345678", expected u64"#),
            r#"invalid type: string "…", expected u64"#
        );
        // An unclosed quote hides the rest rather than print it.
        assert_eq!(redact_values(r#"bad "Nguyễn"#), r#"bad ""#);
        assert_eq!(
            redact_values("expected value at line 1"),
            "expected value at line 1"
        );
    }
}
