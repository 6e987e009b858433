//! Masking of personal data in messages.
//!
//! Children's records are sensitive personal data (Nghị định 13/2023/NĐ-CP on personal data
//! protection, Điều 2 khoản 4). The library keeps nothing between calls; what it prints is
//! the code, the path and masked values only: never a full personal ID, phone number or name.

/// Masks an identifier or phone number, keeping the first three and last two characters of
/// at least eight: `031199000123` → `031*******23`. Shorter values are masked whole except
/// the first character.
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

/// Cuts text to at most `max` characters (adding `…`), for echoing names of things the
/// caller asked for without echoing arbitrarily large input.
pub fn truncate(text: &str, max: usize) -> String {
    let mut out: String = text.chars().take(max).collect();
    if text.chars().nth(max).is_some() {
        out.push('…');
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
}
