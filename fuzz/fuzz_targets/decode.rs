//! Arbitrary bytes through the public API with sniffing on: exercises the
//! HTML-or-text sniffer and every decoding path (BOM, a declared charset,
//! UTF-8, meta charset, the detector), then either stage. The first byte
//! picks the input kind, so that the decoder sees the same bytes as text
//! and as HTML, and the charset declared with them (none, a known one, or
//! one no browser knows).

#![no_main]

use libfuzzer_sys::fuzz_target;
use newsbody::{Cleaner, InputKind, Options};
use std::sync::LazyLock;

/// Charsets a caller may declare (an HTTP header's, a WARC record's).
const DECLARED: [Option<&str>; 7] = [
    None,
    Some("utf-8"),
    Some("windows-1252"),
    Some("shift_jis"),
    Some("utf-16le"),
    Some("iso-2022-jp"),
    Some("no-such-charset"),
];

static CLEANERS: LazyLock<[Cleaner; 3]> = LazyLock::new(|| {
    [InputKind::Auto, InputKind::Text, InputKind::Html].map(|input| {
        Cleaner::new(Options {
            input,
            // Small enough that the limit path is fuzzed too.
            max_input_bytes: 64 * 1024,
            ..Options::default()
        })
        .expect("built-in rules compile")
    })
});

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let cleaner = &CLEANERS[usize::from(pick) % 3];
    let declared = DECLARED[usize::from(pick) / 3 % DECLARED.len()];
    if let Ok(cleaned) = cleaner.clean_with_charset(bytes, declared) {
        // Whatever the bytes, the output is text the caller can print.
        assert!(cleaned.body.len() <= 4 * bytes.len() + 16);
    }
});
