//! Decoding, in the order that gets saved pages right:
//! 1. a byte-order mark;
//! 2. UTF-8, when the bytes are valid UTF-8 and hold non-ASCII text (pages
//!    transcoded to UTF-8 often keep their old `<meta charset>`);
//! 3. for HTML, a `<meta charset>` or `http-equiv` in the first 1024 bytes;
//! 4. a statistical guess (chardetng).
//!
//! Malformed bytes are replaced and counted in a warning; nothing panics.

use encoding_rs::{Encoding, UTF_8};
use std::borrow::Cow;

/// Decoded text and what was learned on the way. Valid UTF-8 is borrowed,
/// not copied.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    #[allow(dead_code)]
    pub encoding: &'static Encoding,
    pub warnings: Vec<String>,
}

/// Decodes `bytes`; `html` enables the meta-tag step.
pub fn decode(bytes: &[u8], html: bool) -> Decoded<'_> {
    let mut warnings = Vec::new();
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return finish(enc, &bytes[bom_len..], warnings);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded {
            text: Cow::Borrowed(s),
            encoding: UTF_8,
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
    let enc = detector.guess(None, true);
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
    Decoded {
        text,
        encoding: enc,
        warnings,
    }
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
        let d = decode(b"\xEF\xBB\xBFhi", false);
        assert_eq!(d.text, "hi");
    }

    #[test]
    fn valid_utf8_beats_a_stale_meta_tag() {
        let page = "<meta charset=\"windows-1252\"><p>caf\u{e9} \u{2014} na\u{ef}ve</p>";
        let d = decode(page.as_bytes(), true);
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.contains("caf\u{e9}"));
    }

    #[test]
    fn meta_charset_decodes_legacy_bytes() {
        let mut page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>"
                .to_vec();
        page.extend_from_slice(&[0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "Привет"
        let d = decode(&page, true);
        assert!(d.text.contains("Привет"), "{}", d.text);
    }

    #[test]
    fn latin1_text_without_a_tag_is_guessed() {
        let d = decode(b"Caf\xe9 cr\xe8me br\xfbl\xe9e, tr\xe8s bon.", false);
        assert!(d.text.contains("Café"), "{}", d.text);
        assert!(!d.warnings.is_empty());
    }
}
