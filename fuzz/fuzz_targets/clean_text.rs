//! Text cleaning on valid UTF-8: no panic, kept blocks come from the
//! input, and cleaning the body again changes nothing (idempotence): the
//! same body, cut into the same blocks. Input refused as binary (too many
//! control characters) is skipped.

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

/// Cleans `text` as text; `None` when it is refused as binary (too many
/// control characters). Fuzz inputs are far under the size limit.
fn clean(text: &str) -> Option<newsbody::Cleaned> {
    match TEXT.clean_str(text, InputKind::Text) {
        Ok(cleaned) => Some(cleaned),
        Err(newsbody::Error::NotText { .. }) => None,
        Err(e) => panic!("fuzz inputs are under the size limit: {e}"),
    }
}

fuzz_target!(|text: &str| {
    let Some(once) = clean(text) else {
        return;
    };
    // Every kept block is printed as it was: the body's lines are lines of
    // the input, in order.
    let mut input_lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    for line in once.body.lines().map(str::trim).filter(|l| !l.is_empty()) {
        assert!(
            input_lines.any(|l| l == line),
            "body line not in the input, in order: {line:?}"
        );
    }
    // The body keeps control characters the removed blocks diluted: it
    // may be refused as binary on its own.
    let Some(twice) = clean(&once.body) else {
        return;
    };
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
