//! Property tests: cleaning never panics, is idempotent, and in text mode
//! returns a subsequence of the input's blocks, whatever separates them
//! (`\n`, blank lines, `\r\n`, trailing spaces, leading blank lines). A
//! saved page's body, cleaned again as text, stays as it is.
//!
//! 400 cases per property by default; `PROPTEST_CASES=5000 cargo test
//! --test properties` for a longer run.

use newsbody::{Cleaner, InputKind, Options};
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
static HTML: LazyLock<Cleaner> = LazyLock::new(|| {
    Cleaner::new(Options {
        input: InputKind::Html,
        ..Options::default()
    })
    .unwrap()
});

/// The case count: `PROPTEST_CASES` when set, else a count that keeps CI
/// quick.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400);
    ProptestConfig::with_cases(cases)
}

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

/// What may stand between two lines of a real text.
fn separator() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        4 => Just("\n"),
        2 => Just("\n\n"),
        2 => Just("\r\n"),
        1 => Just("\r\n\r\n"),
        1 => Just("  \n"),
        1 => Just("\n \t\n"),
        1 => Just("\t\r\n\n"),
    ]
}

/// A document whose lines are joined by any mix of separators, after any
/// leading blank lines, with or without a final newline.
fn mixed_document() -> impl Strategy<Value = String> {
    (
        prop_oneof![
            Just(""),
            Just("\n"),
            Just("\n\n  \n"),
            Just("\r\n"),
            Just(" ")
        ],
        prop::collection::vec((line(), separator()), 0..40),
        prop::bool::ANY,
    )
        .prop_map(|(lead, lines, trailing)| {
            let mut doc = lead.to_string();
            let n = lines.len();
            for (k, (l, sep)) in lines.into_iter().enumerate() {
                doc.push_str(&l);
                if k + 1 < n || trailing {
                    doc.push_str(sep);
                }
            }
            doc
        })
}

/// The lines as paragraphs of a saved page, some in boxes a page would
/// have.
fn page() -> impl Strategy<Value = String> {
    prop::collection::vec((line(), 0..4u8), 0..40).prop_map(|lines| {
        let mut html =
            String::from("<!DOCTYPE html><html><head><title>Story</title></head><body><article>");
        for (l, shape) in lines {
            let l = l.replace('&', "&amp;").replace('<', "&lt;");
            match shape {
                0 => html.push_str(&format!("<p>{l}</p>")),
                1 => html.push_str(&format!("<h2>{l}</h2>")),
                2 => html.push_str(&format!("<div class=\"donate\"><p>{l}</p></div>")),
                _ => html.push_str(&format!("<ul><li>{l}</li></ul>")),
            }
        }
        html.push_str("</article></body></html>");
        html
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
    #![proptest_config(config())]

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
    fn cleaning_is_idempotent(doc in prop_oneof![document(), mixed_document()]) {
        let once = TEXT.clean(doc.as_bytes()).unwrap();
        let twice = TEXT.clean(once.body.as_bytes()).unwrap();
        prop_assert_eq!(&once.body, &twice.body, "second pass removed more:\n{}", twice.explain());
        prop_assert_eq!(kept(&once), kept(&twice), "the body cut into other blocks:\n{}", twice.explain());
    }

    #[test]
    fn mixed_separators_never_panic_and_keep_input_blocks(doc in mixed_document()) {
        let cleaned = TEXT.clean(doc.as_bytes()).unwrap();
        prop_assert!(is_subsequence(&blocks(&cleaned.body), &blocks(&doc)), "{}", cleaned.explain());
        // Kept blocks are printed exactly: the body is made of input bytes.
        for line in cleaned.body.lines() {
            prop_assert!(doc.contains(line.trim_end_matches('\r')), "{line:?} not in the input");
        }
    }

    #[test]
    fn html_body_cleaned_again_as_text_is_unchanged(html in page()) {
        let once = HTML.clean(html.as_bytes()).unwrap();
        let twice = TEXT.clean(once.body.as_bytes()).unwrap();
        prop_assert_eq!(&once.body, &twice.body, "text pass over the page's body removed more:\n{}", twice.explain());
    }
}

/// Cleans `doc` as text, then its body again, and asserts the bodies are
/// equal, showing both explain views when they are not.
/// The body must also cut into the first pass's kept blocks again, one for
/// one, so that no block is judged anew as part of another.
fn assert_second_pass_changes_nothing(doc: &[u8]) {
    let once = TEXT.clean(doc).unwrap();
    let twice = TEXT.clean(once.body.as_bytes()).unwrap();
    assert_eq!(
        once.body,
        twice.body,
        "first:\n{}\nsecond:\n{}",
        once.explain(),
        twice.explain()
    );
    assert_eq!(
        kept(&once),
        kept(&twice),
        "the body cut into other blocks:\n{}",
        twice.explain()
    );
}

/// A fuzz find with each control byte (NUL and the other C0 controls but
/// tab, line feed, carriage return and form feed) turned into `~`: so many
/// of them make the input binary, which is refused before the text stage,
/// while the find is about the text stage. The stand-in, like the control
/// byte, is one character that is neither a letter, a digit nor a space,
/// so lines keep their widths and words.
fn printable_controls(doc: &[u8]) -> Vec<u8> {
    doc.iter()
        .map(|&b| match b {
            b'\t' | b'\n' | b'\r' | b'\x0c' => b,
            0..=0x1f => b'~',
            _ => b,
        })
        .collect()
}

/// The texts of the kept blocks, in order.
fn kept(cleaned: &newsbody::Cleaned) -> Vec<&str> {
    cleaned
        .blocks
        .iter()
        .filter(|b| b.verdict == newsbody::Verdict::Keep)
        .map(|b| b.text.as_str())
        .collect()
}

/// Found by the `clean_text` fuzz target: removing a short ad label from
/// between two unwrapped lines of similar width left them looking like a
/// hard-wrapped paragraph, which the second pass read as one block.
#[test]
fn regression_lines_joined_after_a_removed_label_are_not_rewrapped() {
    let doc = &printable_controls(b"\x0aIscriviti alla n\x00tra nDief\x00\x00verwendet Coo! es\x0aWir und unsDiesrag erschien zuerst im Magazin \xe2\x80\x9eGr\xc3\xbcneere Part\x0aAnzeige\x0aDe calita dinero. H\x00\x16\x16\x16\x16\x16\x16\x16\x00zte so7 ey \x16\x16\x03os al mes y \x16\x16\x16\x16\x16\x16\x16\x16\x16\x16\x16\x00\x16\x16\x16\x16\x16\x16\x16\x00\x16\x0d\x00zte so7 eur\x03os al mes y \x16\x16\x16\x16\x16\x16\x16\x16\x16\x16\x16\x00\x16\x16\x16\x16\x16\x16\x16\x00");
    assert_second_pass_changes_nothing(doc);
}

/// The fuller form of the find above: lines of wrap width with an ad label
/// among them, each line room-less for the next word, so that without the
/// label they read as one hard-wrapped paragraph. The body sets them apart.
#[test]
fn lines_of_wrap_width_left_by_a_removed_label_stay_separate_blocks() {
    let doc = "Die Stadt bekommt mehr Geld f\u{fc}r Bildung. Der Beschluss fiel nach langer Debatte.\n\n\
               Der Gemeinderat hat am Dienstag den neuen Haushalt beschlossen, der\n\
               deutlich mehr Geld f\u{fc}r die Schulen und die Radwege vorsieht als bisher\n\
               Anzeige\n\
               Die Opposition kritisierte die Pl\u{e4}ne als viel zu teuer und verlangte\n\
               eine neue Pr\u{fc}fung durch den Rechnungshof bis zum Ende des Jahres.\n";
    let once = TEXT.clean(doc.as_bytes()).unwrap();
    assert!(!once.body.contains("Anzeige"), "{}", once.explain());
    assert_eq!(kept(&once).len(), 5, "{}", once.explain());
    assert_second_pass_changes_nothing(doc.as_bytes());
}

/// Found by the `clean_text` fuzz target: a run of hashtag lines after a
/// line that is not prose goes one line per round from its back, and the
/// eight rounds of context revision stopped before the run's start, so a
/// second pass removed more (fixture `text/hashtag-headline-run`).
#[test]
fn regression_hashtag_run_longer_than_the_revision_rounds() {
    let doc = &printable_controls(b" Suppo\x04rpendeugJournalismu\x0a di Valsol pianaprire la biblioteca di qu80 ve\x7f\x00ndoioteca dper le menJournalismu\x0a di Valsorda ha approvato il pian o #per riaprire la biblioueca diqu80 vendoioteca dper le mensanLwe  \x0aOavb\x00\x00\x00\x00\x00\x00o rda ha approvAto il piano #per riaprire lae do naugJournalismu\x0a di Valsol piano #per riaprire la biblioteca di qu80 ve\x7f\x00ndoioteca dper le menJournalismu\x0a di Valsorda ha approvato il piao #per riaprire la biblioteca di qu80 ve\x7f\x00ndoioteca dper le menJournalismu\x0a di Valsorda ha approvato il pian o #per riaprire la biblioueca diqu80 vendoioteca dper le mensanLwe  \x0aOavb\x00\x00\x00\x00\x00\x00o rda ha approvAto il piano #per riaprire lae do naugJournalismu\x0a di Valsol piano #per riaprire la biblioteca di qu80 ve\x7f\x00ndoioteca dper le menJournalismu\x0a di Valsorda ha approvato il piano #per riaprire la biblioueca diqu80 vendoioteca dper le mensanLwe  \x0aOavb\x00\x00\x00\x00\x00\x00o rda ha approvAto il piano #per riaprire la biblioteca di qu80 ve\x7f\x00ndoioteca dper le menJournalismu\x0a di Valsorda hdoa ajprovato il piano #per riaprire la biblioteca diqu80 vendoioteca dper le mensanLwe  \x0aOavb\x00\x00\x00\x00\x00\x00o che l'inaugur#zyyyyy\x00\x00o nne \xc3\xa8 prevista per la prioai\x00\x00\x00y evening.\x0aAssociated Press w. tss w. ter Tom Berg in Minneapolis con quartiere chtributed sign up fot9 tr");
    assert_second_pass_changes_nothing(doc);
}

/// Found by the `clean_text` fuzz target: a line ending in two carriage
/// returns kept one as text (only the last went with the line feed). When
/// a wider separator of a removed block followed it, the second pass saw
/// the kept one as part of a CRLF and cut a different block. All carriage
/// returns before a line feed belong to the separator.
#[test]
fn regression_carriage_returns_before_a_line_feed_are_separator() {
    let doc = "The harbour will be dredged this winter, the director said on Monday.\r\r\n\
               Read more: Ferry prices rise again\n\n\
               The work will cost about 2.3 million euros and end in March.\n";
    let once = TEXT.clean(doc.as_bytes()).unwrap();
    assert!(!once.body.contains("Read more"), "{}", once.explain());
    assert_second_pass_changes_nothing(doc.as_bytes());
}

/// Found by `cleaning_is_idempotent` on mixed separators (PROPTEST_CASES=5000): a
/// whitespace-only line between an ask and a "Read more" insert.
#[test]
fn regression_blank_line_of_spaces_between_ask_and_insert_is_idempotent() {
    let doc = "\"We need your help, please donate,\" the director said.\n\
               Aaa aa aa aa aa aa.\n\
               We need your help. Please support us monthly from just $5.\n \t\n\
               Read more: Another story about something\n\
               \u{a9} 2026 Example Media. All rights reserved.\r\n\
               Aaa aaaaa aaaaaaaa aaaaa aaaaaa aa aaaaaaa aa aaaa aaaaaaaa aa aaaaaaaa aaaaa \
               aaaaaaa aaaaaaaa aaaa aaaaaaa aaaa aa.";
    assert_second_pass_changes_nothing(doc.as_bytes());
}

/// Pins a case proptest found: removing an appeal took its paragraph break
/// with it, so the second pass grouped the following lines differently.
#[test]
fn removed_block_keeps_the_paragraph_break_it_closed() {
    let doc = "Aaa aaaaaaa aaaaaaaa aaaaa aaaaaaaaa aa aaaaaa aaa aaaaaaaa.\n\
               We need your help. Please support us monthly from just $5.\n\n\
               Read more: Another story about something\n\
               Reporters contributed to this report.\n\
               Aaa aa aa aa aa aa.";
    let once = TEXT.clean(doc.as_bytes()).unwrap();
    let twice = TEXT.clean(once.body.as_bytes()).unwrap();
    assert_eq!(once.body, twice.body, "{}", twice.explain());
    assert!(once.body.contains(".\n\nReporters"), "{:?}", once.body);
}

/// Found by the `clean_text` fuzz target: removing the short lines of a
/// group ("Refuser", a copyright line) left two lines that the next pass
/// took for one hard-wrapped paragraph, which then read as prose before a
/// trailing headline.
#[test]
fn regression_lines_left_after_removals_are_not_rewrapped() {
    let doc = "Le K\0\0\0niveapour mesurer er des >contenus adapt\u{e9}s.%Tout accepter\n\
               Refuser\n\
               \u{a9} Le Courriererver les poissons.\n\
               Nousoits e sur la place du ma1ch\u{e9}.\n\n\
               La billetterie en ligne a \u{e9}r\u{e9}serv\u{e9}s\n";
    assert_second_pass_changes_nothing(doc.as_bytes());
}
