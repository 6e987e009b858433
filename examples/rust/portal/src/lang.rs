//! The language of an answer, from the request's `Accept-Language` (RFC 9110 §12.5.4).
//!
//! treem writes its messages in Vietnamese and English. The caller's ranges are read with
//! their q-values; the supported language with the highest weight wins, ties going to the
//! earlier range; `*` counts as Vietnamese. No header, or none we speak: Vietnamese, the
//! language of the portals this serves.

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::request::Parts;

use crate::rules::Lang;

/// The language a handler answers in, from the request's `Accept-Language`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct AcceptLanguage(pub(crate) Lang);

impl<S: Send + Sync> FromRequestParts<S> for AcceptLanguage {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Infallible> {
        let header = parts
            .headers
            .get(ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        Ok(AcceptLanguage(negotiate(header)))
    }
}

/// The language to answer a request in.
pub(crate) fn negotiate(accept_language: Option<&str>) -> Lang {
    let Some(header) = accept_language else {
        return Lang::Vi;
    };
    let mut best: Option<(u16, Lang)> = None;
    for range in header.split(',') {
        let mut parts = range.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        let Some(lang) = supported(tag) else {
            continue;
        };
        let weight = parts.find_map(q_value).unwrap_or(1000);
        if weight == 0 {
            continue;
        }
        if best.is_none_or(|(w, _)| weight > w) {
            best = Some((weight, lang));
        }
    }
    best.map_or(Lang::Vi, |(_, lang)| lang)
}

/// The language a range names, when we speak it: `vi`, `vi-VN`, `en`, `en-GB`, `*`.
fn supported(tag: &str) -> Option<Lang> {
    let primary = tag.split('-').next().unwrap_or_default();
    if primary.eq_ignore_ascii_case("vi") || primary == "*" {
        Some(Lang::Vi)
    } else if primary.eq_ignore_ascii_case("en") {
        Some(Lang::En)
    } else {
        None
    }
}

/// A `q=` parameter as thousandths (`q=0.8` is 800); `None` for other parameters or a
/// malformed weight (then the range keeps the default weight 1).
fn q_value(param: &str) -> Option<u16> {
    let (name, value) = param.split_once('=')?;
    if !name.trim().eq_ignore_ascii_case("q") {
        return None;
    }
    let value = value.trim();
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = format!("{fraction:0<3}").parse::<u16>().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_without_a_header_or_a_language_we_speak() {
        assert_eq!(negotiate(None), Lang::Vi);
        assert_eq!(negotiate(Some("")), Lang::Vi);
        assert_eq!(negotiate(Some("fr-FR, de;q=0.5")), Lang::Vi);
        assert_eq!(negotiate(Some("*")), Lang::Vi);
    }

    #[test]
    fn the_heaviest_supported_range_wins() {
        assert_eq!(negotiate(Some("en")), Lang::En);
        assert_eq!(negotiate(Some("en-US,en;q=0.9,vi;q=0.8")), Lang::En);
        assert_eq!(negotiate(Some("fr;q=1, en;q=0.4, vi-VN;q=0.7")), Lang::Vi);
        assert_eq!(negotiate(Some("vi;q=0.5, EN-gb;q=0.6")), Lang::En);
        // A tie goes to the earlier range.
        assert_eq!(negotiate(Some("en;q=0.5, vi;q=0.5")), Lang::En);
    }

    #[test]
    fn q_zero_refuses_a_language_and_a_bad_weight_counts_as_one() {
        assert_eq!(negotiate(Some("vi;q=0, en;q=0.1")), Lang::En);
        assert_eq!(negotiate(Some("en;q=0.000")), Lang::Vi);
        assert_eq!(negotiate(Some("en;q=abc, vi;q=0.9")), Lang::En);
        assert_eq!(negotiate(Some("en;q=1.5, vi;q=0.9")), Lang::En);
    }
}
