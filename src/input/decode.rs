//! Decoding, in the order that gets saved pages right:
//! 1. a byte-order mark;
//! 2. a charset declared outside the bytes (an HTTP `Content-Type`
//!    header's, a WARC record's), when the caller has one, as a browser
//!    takes a header's over the page's own;
//! 3. UTF-8, when the bytes are valid UTF-8 (pages transcoded to UTF-8
//!    often keep their old `<meta charset>`);
//! 4. for HTML, a `<meta charset>` or `http-equiv` in the first 1024 bytes;
//! 5. a statistical guess (chardetng), told what the document says about
//!    itself: its language, its URL's country, or English prose (see
//!    `hint`), as a browser tells it the page's domain.
//!
//! Malformed bytes are replaced and counted in a warning; nothing panics.

use encoding_rs::{Encoding, UTF_8};
use std::borrow::Cow;

/// Decoded text and what was learned on the way. Valid UTF-8 is borrowed,
/// not copied.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub warnings: Vec<String>,
}

/// Decodes `bytes`; `html` enables the meta-tag step; `declared` is a
/// charset label given with the bytes (step 2 above).
pub fn decode<'a>(bytes: &'a [u8], html: bool, declared: Option<&str>) -> Decoded<'a> {
    let mut warnings = Vec::new();
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return finish(enc, &bytes[bom_len..], warnings);
    }
    if let Some(label) = declared {
        match Encoding::for_label_no_replacement(label.as_bytes()) {
            Some(enc) => return finish(enc, bytes, warnings),
            None => warnings.push(format!(
                "declared charset {label:?} is not one a browser knows; left aside"
            )),
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded {
            text: Cow::Borrowed(s),
            warnings,
        };
    }
    if html && let Some(enc) = meta_charset(&bytes[..bytes.len().min(1024)]) {
        // A page that says UTF-8 but is not valid UTF-8 is usually a
        // legacy page with a wrong tag; let the detector decide then.
        if enc != UTF_8 {
            return finish(enc, bytes, warnings);
        }
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let tld = super::hint::tld(bytes, html);
    let enc = detector.guess(tld.as_deref().map(str::as_bytes), true);
    if enc == UTF_8 {
        warnings.push("input is not valid UTF-8; malformed bytes were replaced".to_string());
    } else {
        warnings.push(format!(
            "no reliable charset declared; decoded as {} (guessed)",
            enc.name()
        ));
    }
    finish(enc, bytes, warnings)
}

fn finish<'a>(enc: &'static Encoding, bytes: &'a [u8], mut warnings: Vec<String>) -> Decoded<'a> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
        warnings.push(format!(
            "{bad} malformed byte sequence(s) for {} were replaced",
            enc.name()
        ));
    }
    Decoded { text, warnings }
}

/// The charset named by a `<meta charset=...>` or
/// `<meta http-equiv="content-type" content="...; charset=...">` tag.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(p) = find(&lower[from..], b"<meta") {
        let start = from + p;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = skip(rest, |b| b == b' ');
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = skip(rest, |b| b == b' ' || b == b'"' || b == b'\'');
                let len = rest
                    .iter()
                    .position(|&b| {
                        !(b.is_ascii_alphanumeric()
                            || b == b'-'
                            || b == b'_'
                            || b == b':'
                            || b == b'.')
                    })
                    .unwrap_or(rest.len());
                if let Some(enc) = Encoding::for_label(&rest[..len]) {
                    // A page cannot really be UTF-16 if its meta is readable
                    // as ASCII (the HTML standard's rule).
                    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                        return Some(UTF_8);
                    }
                    return Some(enc);
                }
            }
        }
        from = end.max(start + 5);
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn skip(s: &[u8], f: impl Fn(u8) -> bool) -> &[u8] {
    let n = s.iter().take_while(|&&b| f(b)).count();
    &s[n..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins() {
        let d = decode(b"\xEF\xBB\xBFhi", false, None);
        assert_eq!(d.text, "hi");
        let d = decode(b"\xEF\xBB\xBFcaf\xC3\xA9", true, Some("windows-1252"));
        assert_eq!(d.text, "caf\u{e9}");
    }

    #[test]
    fn a_declared_charset_beats_the_page_and_utf8() {
        let page = b"<meta charset=\"windows-1251\"><p>caf\xe9</p>";
        let d = decode(page, true, Some("ISO-8859-1"));
        assert!(d.text.contains("caf\u{e9}"), "{}", d.text);
        assert!(d.warnings.is_empty());
        // Valid UTF-8 is read as the declared charset says.
        let d = decode("caf\u{e9}".as_bytes(), false, Some("windows-1252"));
        assert_eq!(d.text, "caf\u{c3}\u{a9}");
    }

    #[test]
    fn an_unknown_declared_charset_is_left_aside_with_a_warning() {
        let d = decode(
            b"<meta charset=windows-1251><p>\xcf\xf0</p>",
            true,
            Some("x-nonsense"),
        );
        assert!(d.text.contains("\u{41f}\u{440}"), "{}", d.text);
        assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
        assert!(d.warnings[0].contains("x-nonsense"));
    }

    #[test]
    fn valid_utf8_beats_a_stale_meta_tag() {
        let page = "<meta charset=\"windows-1252\"><p>caf\u{e9} \u{2014} na\u{ef}ve</p>";
        let d = decode(page.as_bytes(), true, None);
        assert!(d.text.contains("caf\u{e9}"));
    }

    #[test]
    fn meta_charset_decodes_legacy_bytes() {
        let mut page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>"
                .to_vec();
        page.extend_from_slice(&[0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "Привет"
        let d = decode(&page, true, None);
        assert!(d.text.contains("Привет"), "{}", d.text);
    }

    #[test]
    fn a_pound_sign_in_english_is_not_a_polish_l() {
        // Alone, 0xA3 reads as "Ł" (windows-1250) as readily as "£"
        // (windows-1252); English prose around it decides.
        let mut page = b"<html><body><p>".to_vec();
        page.extend_from_slice(
            &b"The council said that the tickets for the show will cost \xa35 each. ".repeat(5),
        );
        let d = decode(&page, true, None);
        assert!(d.text.contains("\u{a3}5"), "{}", d.text);
        // A page in Polish keeps its letter.
        let page = b"<html lang=pl><body><p>Rada miasta: \xa3\xf3d\xbc jest du\xbfa.</p>";
        let d = decode(page, true, None);
        assert!(d.text.contains("\u{141}\u{f3}d\u{17a}"), "{}", d.text);
    }

    #[test]
    fn latin1_text_without_a_tag_is_guessed() {
        let d = decode(b"Caf\xe9 cr\xe8me br\xfbl\xe9e, tr\xe8s bon.", false, None);
        assert!(d.text.contains("Café"), "{}", d.text);
        assert!(!d.warnings.is_empty());
    }
}
