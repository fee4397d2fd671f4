//! Text cleaning on valid UTF-8: no panic, kept blocks come from the
//! input, and cleaning the body again changes nothing (idempotence): the
//! same body, cut into the same blocks.

#![no_main]

use libfuzzer_sys::fuzz_target;
use newsbody::{Cleaner, InputKind};
use std::sync::LazyLock;

static TEXT: LazyLock<Cleaner> = LazyLock::new(|| {
    Cleaner::new(newsbody::Options {
        input: newsbody::InputKind::Text,
        ..newsbody::Options::default()
    })
    .expect("built-in rules compile")
});

/// Cleans `text` as text; fuzz inputs are far under the size limit.
fn clean(text: &str) -> newsbody::Cleaned {
    TEXT.clean_str(text, InputKind::Text)
        .expect("fuzz inputs are under the size limit")
}

fuzz_target!(|text: &str| {
    let once = clean(text);
    // Every kept block is printed as it was: the body's lines are lines of
    // the input, in order.
    let mut input_lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    for line in once.body.lines().map(str::trim).filter(|l| !l.is_empty()) {
        assert!(
            input_lines.any(|l| l == line),
            "body line not in the input, in order: {line:?}"
        );
    }
    let twice = clean(&once.body);
    assert_eq!(once.body, twice.body, "a second pass removed more");
    // And the body cuts into the same blocks again, one for one.
    let kept = |c: &newsbody::Cleaned| -> Vec<String> {
        c.blocks
            .iter()
            .filter(|b| b.verdict == newsbody::Verdict::Keep)
            .map(|b| b.text.clone())
            .collect()
    };
    assert_eq!(kept(&once), kept(&twice), "the body cut into other blocks");
});
