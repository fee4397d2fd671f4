//! HTML cleaning on valid UTF-8: no panic, no hang, and a body made of
//! non-empty lines, one per kept block (input refused as binary is
//! skipped).

#![no_main]

use libfuzzer_sys::fuzz_target;
use newsbody::{Cleaner, InputKind};
use std::sync::LazyLock;

static HTML: LazyLock<Cleaner> = LazyLock::new(|| {
    Cleaner::new(newsbody::Options {
        input: newsbody::InputKind::Html,
        ..newsbody::Options::default()
    })
    .expect("built-in rules compile")
});

fuzz_target!(|html: &str| {
    let cleaned = match HTML.clean_str(html, InputKind::Html) {
        Ok(cleaned) => cleaned,
        Err(newsbody::Error::NotText { .. }) => return,
        Err(e) => panic!("fuzz inputs are under the size limit: {e}"),
    };
    // One block per line, each block non-empty text.
    for line in cleaned.body.lines() {
        assert!(!line.trim().is_empty(), "empty block in the body");
    }
});
