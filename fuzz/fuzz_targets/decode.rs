//! Arbitrary bytes through the public API with sniffing on: exercises the
//! HTML-or-text sniffer and every decoding path (BOM, UTF-8, meta charset,
//! the detector), then either front door. The first byte picks the input
//! kind so that the decoder sees the same bytes as text and as HTML.

#![no_main]

use newsbody::{Cleaner, InputKind, Options};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

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
    if let Ok(cleaned) = cleaner.clean(bytes) {
        // Whatever the bytes, the output is text the caller can print.
        assert!(cleaned.body.len() <= 4 * bytes.len() + 16);
    }
});
