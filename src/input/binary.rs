//! Input that is not text: a program, an image, an archive or a
//! compressed stream saved where a page or an article was expected. Such
//! input is refused rather than "cleaned" into pages of noise.
//!
//! Two tests, either one enough:
//! - the bytes open with the signature of a common binary format (ELF,
//!   PNG, JPEG, GIF, PDF, ZIP, gzip and a few more), whatever follows;
//! - control characters (NUL and the other C0 controls except tab, line
//!   feed, carriage return and form feed) or replacement characters are
//!   more than a small share of the decoded start: at least
//!   [`MIN_CONTROLS`] of them and at least one in [`MAX_SHARE`] of the
//!   first [`SAMPLE`] characters. Real pages and texts hold a stray NUL or
//!   a few control bytes at most (27 in 33 KB on the worst of 9,746 corpus
//!   files), while compressed or random bytes hold one in ten.
//!
//! The share is taken from the decoded text, so a UTF-16 text with a
//! byte-order mark (whose ASCII letters are half NUL bytes) is text.

/// Signatures of binary formats, with what each one is.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x7fELF", "an ELF program or library"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office or EPUB file)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a gzip stream"),
    (b"BZh", "a bzip2 stream"),
    (b"\xfd7zXZ\0", "an xz stream"),
    (b"\x28\xb5\x2f\xfd", "a zstd stream"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an old Office document",
    ),
    (b"\0asm", "a WebAssembly module"),
];

/// How many characters from the start are looked at.
pub const SAMPLE: usize = 8192;
/// Fewer control characters than this are never enough (a stray NUL, a
/// vertical tab left by an old editor).
pub const MIN_CONTROLS: usize = 8;
/// One control character in this many is too many.
pub const MAX_SHARE: usize = 64;

/// Why the bytes are not text (for [`crate::Error::NotText`]), when they open with a binary signature.
pub fn signature(bytes: &[u8]) -> Option<String> {
    SIGNATURES
        .iter()
        .find(|(sig, _)| opens_with(bytes, sig))
        .map(|(_, what)| format!("the input is {what} (by its first bytes)"))
}

/// Whether `bytes` open with `sig`. "BZh" counts only before the digit of
/// a block size: the three letters alone may open a text.
fn opens_with(bytes: &[u8], sig: &[u8]) -> bool {
    bytes.starts_with(sig) && (sig != b"BZh" || bytes.get(3).is_some_and(u8::is_ascii_digit))
}

/// Why the decoded text is not text, when control or replacement
/// characters are more than a small share of its start.
pub fn control_share(text: &str) -> Option<String> {
    let (mut seen, mut controls) = (0usize, 0usize);
    for c in text.chars().take(SAMPLE) {
        seen += 1;
        if is_control(c) {
            controls += 1;
        }
    }
    (controls >= MIN_CONTROLS && controls * MAX_SHARE >= seen).then(|| {
        format!(
            "{controls} of its first {seen} characters are NUL, other control or \
             undecodable bytes"
        )
    })
}

/// NUL and the C0 controls that text does not use, and U+FFFD (a byte the
/// charset could not decode).
fn is_control(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{e}'..='\u{1f}' | '\u{fffd}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_of_common_formats() {
        assert!(
            signature(b"\x7fELF\x02\x01\x01\0\0")
                .unwrap()
                .contains("ELF")
        );
        assert!(signature(b"%PDF-1.7\n").unwrap().contains("PDF"));
        assert!(signature(b"BZh91AY&SY").is_some());
        assert!(signature(b"BZh is not a word").is_none());
        assert!(signature(b"GIF is a format of images").is_none());
        assert!(signature(b"<!DOCTYPE html>").is_none());
        assert!(signature(b"").is_none());
    }

    #[test]
    fn a_stray_nul_is_text_and_a_run_of_them_is_not() {
        let lines = "The council met on Tuesday.\0 It approved the budget.\n\
                     The vote was close, with eleven members for it.\n\
                     The budget takes effect in March next year.\n";
        assert!(
            control_share(&lines.repeat(20)).is_none(),
            "a NUL in every third line"
        );
        assert!(control_share("One line\0 with a NUL.\nAnother.\0\n").is_none());
        let binary = "\0\0\0\0\u{1}\u{2}\u{3}\u{4}abc".repeat(10);
        assert!(control_share(&binary).unwrap().contains("NUL"));
        // Tabs, line ends and form feeds are text.
        assert!(control_share(&"a\tb\r\n\u{c}".repeat(100)).is_none());
    }

    #[test]
    fn only_the_start_is_sampled() {
        let mut text = "Plain prose without anything odd in it. ".repeat(SAMPLE / 8);
        text.push_str(&"\0".repeat(100));
        assert!(control_share(&text).is_none());
    }
}
