//! Property tests: cleaning never panics, is idempotent, and in text mode
//! returns a subsequence of the input's blocks.

use decruft::{Cleaner, InputKind, Options};
use proptest::prelude::*;
use std::sync::LazyLock;

static TEXT: LazyLock<Cleaner> = LazyLock::new(|| {
    Cleaner::new(Options {
        input: InputKind::Text,
        ..Options::default()
    })
    .unwrap()
});
static AUTO: LazyLock<Cleaner> = LazyLock::new(|| Cleaner::new(Options::default()).unwrap());

/// Lines of the shapes real documents have: body sentences, appeal
/// openers and asks, closers, inserts, labels, credits, quotes.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Z][a-z]{2,9}( [a-z]{2,9}){5,25}\\.",
        Just("A Message from The Example Herald:".to_string()),
        Just("Dear readers,".to_string()),
        Just("We need your help. Please support us monthly from just $5.".to_string()),
        Just("Your support keeps our newsroom going.".to_string()),
        Just("Remind me later.".to_string()),
        Just("Donate now".to_string()),
        Just("Read more: Another story about something".to_string()),
        Just("Related articles".to_string()),
        Just("Sign up for our daily newsletter to get the news in your inbox.".to_string()),
        Just("© 2026 Example Media. All rights reserved.".to_string()),
        Just("This website uses cookies to improve your experience.".to_string()),
        Just("Photo: Example Agency".to_string()),
        Just("Share this article".to_string()),
        Just("\"We need your help, please donate,\" the director said.".to_string()),
        "[A-Z][a-z]{2,8}( [A-Za-z]{2,8}){0,6}",
        "[0-9] [a-z]{3,8} [a-z]{3,8} tips",
        Just("Reporters contributed to this report.".to_string()),
        Just(String::new()),
    ]
}

fn document() -> impl Strategy<Value = String> {
    (prop::collection::vec(line(), 0..40), prop::bool::ANY).prop_map(|(lines, blank)| {
        let sep = if blank { "\n\n" } else { "\n" };
        lines.join(sep)
    })
}

fn blocks(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

fn is_subsequence(small: &[String], big: &[String]) -> bool {
    let mut it = big.iter();
    small.iter().all(|s| it.any(|b| b == s))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        let _ = AUTO.clean(&bytes);
        let _ = TEXT.clean(&bytes);
    }

    #[test]
    fn arbitrary_html_like_bytes_never_panic(parts in prop::collection::vec(
        prop_oneof![Just("<p>"), Just("</p>"), Just("<div class=\"donate\">"), Just("</div>"),
                    Just("<br><br>"), Just("<script>"), Just("<!--"), Just("&amp;"), Just("<a href=x>"),
                    Just("Dear readers,"), Just("text words here."), Just("\u{0}"), Just("<h2>")], 0..80)) {
        let doc = format!("<html><body>{}", parts.concat());
        let _ = AUTO.clean(doc.as_bytes());
    }

    #[test]
    fn text_output_is_a_subsequence_of_input_blocks(doc in document()) {
        let cleaned = TEXT.clean(doc.as_bytes()).unwrap();
        prop_assert!(is_subsequence(&blocks(&cleaned.body), &blocks(&doc)), "{}", cleaned.explain());
    }

    #[test]
    fn cleaning_is_idempotent(doc in document()) {
        let once = TEXT.clean(doc.as_bytes()).unwrap();
        let twice = TEXT.clean(once.body.as_bytes()).unwrap();
        prop_assert_eq!(&once.body, &twice.body, "second pass removed more:\n{}", twice.explain());
    }
}
