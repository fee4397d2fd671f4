//! Hostile inputs: what newsbody meets when it runs unattended over other
//! people's files. Each test feeds one kind of damage through the public
//! API and checks that cleaning returns (no panic, no hang: the test
//! finishing is the check; linearity is measured by `examples/linearity.rs`
//! and reported, not asserted here, as timings are flaky), that the result
//! is sensible, and that a warning says when bytes were replaced or tags
//! left out. Big inputs are generated here, never committed.
//!
//! The big inputs run at full size (a 25 MB paragraph, 16 MB of appeals,
//! a million lines, 200,000 nested tags) in an optimised build, `cargo
//! test --release --test hostile`, which CI runs (`.ci/run`), or with
//! `NEWSBODY_FULL_SIZE=1`. A debug `cargo test` runs each at a sixteenth of
//! its size: still far past every cap and long enough for a quadratic walk
//! to hang, at debug speed.

mod hostile_inputs;

use newsbody::{Cleaned, Cleaner, Error, InputKind, Kind, Options};
use proptest::prelude::*;
use std::sync::LazyLock;

fn cleaner(input: InputKind) -> Cleaner {
    Cleaner::new(Options {
        input,
        ..Options::default()
    })
    .expect("built-in rules compile")
}

static AUTO: LazyLock<Cleaner> = LazyLock::new(|| cleaner(InputKind::Auto));
static TEXT: LazyLock<Cleaner> = LazyLock::new(|| cleaner(InputKind::Text));
static HTML: LazyLock<Cleaner> = LazyLock::new(|| cleaner(InputKind::Html));

fn clean(c: &Cleaner, bytes: &[u8]) -> Cleaned {
    c.clean(bytes).expect("input under the size limit")
}

fn warned(c: &Cleaned, word: &str) -> bool {
    c.warnings.iter().any(|w| w.contains(word))
}

/// `full` in an optimised build or with `NEWSBODY_FULL_SIZE` set, else a
/// sixteenth of it (see the module doc).
fn scaled(full: usize) -> usize {
    let full_size =
        !cfg!(debug_assertions) || std::env::var_os("NEWSBODY_FULL_SIZE").is_some_and(|v| v != "0");
    if full_size { full } else { full / 16 }
}

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..120 {
        let len = (rng.next() % 8_000) as usize;
        let mut bytes = rng.bytes(len);
        // Some rounds look like the start of a page, so the HTML path and
        // the meta-charset step see random bytes too.
        if round % 3 == 0 {
            let mut page = b"<!DOCTYPE html><meta charset=windows-1252><p>".to_vec();
            page.append(&mut bytes);
            bytes = page;
        }
        for c in [&*AUTO, &*TEXT, &*HTML] {
            // Random bytes are mostly refused as binary; what is cleaned
            // stays bounded.
            match c.clean(&bytes) {
                Ok(cleaned) => assert!(cleaned.body.len() <= 4 * bytes.len() + 16),
                Err(e) => assert!(matches!(e, Error::NotText { .. }), "{e}"),
            }
        }
    }
}

#[test]
fn empty_input_gives_an_empty_body() {
    for c in [&*AUTO, &*TEXT, &*HTML] {
        let cleaned = clean(c, b"");
        assert_eq!(cleaned.body, "");
        assert!(cleaned.removed.is_empty());
        // The one warning says the body is empty.
        assert!(cleaned.is_empty());
        assert_eq!(cleaned.warnings.len(), 1, "{:?}", cleaned.warnings);
        assert!(warned(&cleaned, "empty body"), "{:?}", cleaned.warnings);
    }
    // Whitespace only, and a lone BOM.
    assert_eq!(clean(&TEXT, b" \n\r\n\t\n").body, "");
    assert_eq!(clean(&TEXT, b"\xEF\xBB\xBF").body, "");
}

#[test]
fn latin1_bytes_in_a_text_are_decoded_with_a_warning() {
    let text =
        b"Le conseil a vot\xe9 le budget mardi soir.\nLa d\xe9cision entre en vigueur en mars.\n";
    let cleaned = clean(&TEXT, text);
    assert!(cleaned.body.contains("vot\u{e9}"), "{}", cleaned.body);
    assert!(!cleaned.body.contains('\u{FFFD}'));
    assert!(warned(&cleaned, "decoded as"), "{:?}", cleaned.warnings);
}

#[test]
fn mostly_utf8_with_a_stray_latin1_byte_warns() {
    // Valid UTF-8 around one bad byte: replaced or guessed, never a panic,
    // and always a warning.
    let mut text = "Der Stadtrat hat den Haushalt beschlossen. Grüße aus Köln.\n"
        .as_bytes()
        .to_vec();
    text.extend_from_slice(b"Ein kaputtes Byte: \xff hier.\n");
    let cleaned = clean(&TEXT, &text);
    assert!(cleaned.body.contains("Stadtrat"));
    assert!(!cleaned.warnings.is_empty());
}

#[test]
fn two_hundred_thousand_nested_divs() {
    let page = format!(
        "<!DOCTYPE html><html><body>{}<p>The council approved the budget on Tuesday.</p>",
        "<div>".repeat(scaled(200_000))
    );
    let cleaned = clean(&HTML, page.as_bytes());
    assert!(
        cleaned.body.contains("approved the budget"),
        "{}",
        cleaned.body
    );
    assert!(warned(&cleaned, "nested deeper"), "{:?}", cleaned.warnings);
    // Closed as well as opened.
    let closed = format!(
        "<html><body>{}<p>Deep but closed text.</p>{}<p>After it.</p></body></html>",
        "<div class=x>".repeat(scaled(200_000)),
        "</div>".repeat(scaled(200_000))
    );
    let cleaned = clean(&HTML, closed.as_bytes());
    assert!(cleaned.body.contains("Deep but closed text."));
    assert!(cleaned.body.contains("After it."));
}

#[test]
fn two_hundred_thousand_nested_inline_elements() {
    for (unit, n) in [
        ("<b><span>", 200_000),
        ("<a href=x>", 20_000),
        ("<font size=2>", 20_000),
    ] {
        let page = format!(
            "<!DOCTYPE html><html><body><p>{}The article text is here.",
            unit.repeat(scaled(n))
        );
        let cleaned = clean(&HTML, page.as_bytes());
        assert!(cleaned.body.contains("The article text"), "{unit}");
    }
}

#[test]
fn two_hundred_thousand_unclosed_tags() {
    for unit in ["<p>x ", "<li>x ", "<table><tr><td>"] {
        let page = format!(
            "<!DOCTYPE html><html><body>{}<p>The article text is here.</p>",
            unit.repeat(scaled(200_000))
        );
        let cleaned = clean(&HTML, page.as_bytes());
        assert!(cleaned.body.contains("The article text"), "{unit}");
    }
}

#[test]
fn misnested_tags_that_hide_their_depth() {
    // Each unit nests deeper in the parser than a naive count of start and
    // end tags says; 20,000 of them are 40 times the cap.
    for unit in [
        "<span><div></span>",
        "<li><section>",
        "<p><marquee><div>",
        "<p><b id=1>t</p>",
        "<svg><foreignObject><div>",
    ] {
        let page = format!(
            "<!DOCTYPE html><html><body>{}<p>The article text is here.</p>",
            unit.repeat(scaled(20_000))
        );
        let cleaned = clean(&HTML, page.as_bytes());
        // (Text inside svg is never body.)
        if !unit.starts_with("<svg") {
            assert!(cleaned.body.contains("The article text"), "{unit}");
        }
        assert!(warned(&cleaned, "nested deeper"), "{unit}");
    }
}

#[test]
fn a_25_mb_single_paragraph_is_kept_whole() {
    let text = hostile_inputs::single_paragraph(scaled(25 << 20));
    let cleaned = clean(&TEXT, &text);
    assert_eq!(cleaned.body.as_bytes(), &text[..]);
    assert!(cleaned.removed.is_empty());
}

#[test]
fn a_16_mb_text_of_one_repeated_appeal_is_removed() {
    let text = hostile_inputs::repeated_appeal(scaled(16 << 20));
    let cleaned = clean(&TEXT, &text);
    assert_eq!(cleaned.body, "");
    assert!(cleaned.removed.iter().all(|r| r.kind == Kind::Appeal));
}

#[test]
fn a_million_tiny_lines() {
    let text = hostile_inputs::tiny_lines(scaled(4 << 20));
    assert!(text.len() / 4 >= scaled(1_000_000));
    let cleaned = clean(&TEXT, &text);
    // Every line is kept, exactly: a line of body is never lost to noise.
    assert_eq!(cleaned.body.as_bytes(), &text[..]);
}

#[test]
fn many_openers_that_nothing_confirms() {
    // Each "Dear readers," opens an appeal region that no ask confirms:
    // the regions stage once scanned the rest of the document for each.
    let text = hostile_inputs::repeated_openers(scaled(1 << 20));
    let cleaned = clean(&TEXT, &text);
    assert_eq!(cleaned.body.as_bytes(), &text[..]);
}

#[test]
fn nuls_and_a_truncated_tag() {
    let page = b"<!DOCTYPE html><html><body><p>The council\0 approved\0 the budget.</p>\
                 <p>Second paragraph of the story.</p><div cla";
    let cleaned = clean(&AUTO, page);
    assert!(cleaned.body.contains("approved"), "{}", cleaned.body);
    // NULs in a text: kept as they are (they are valid UTF-8).
    let cleaned = clean(&TEXT, b"One line\0 with a NUL.\nAnother.\0\n");
    assert!(cleaned.body.contains("Another."));
    // Truncated in the middle of a multi-byte character.
    let mut cut = "Der Haushalt wurde beschlossen. Grüße".as_bytes().to_vec();
    cut.extend_from_slice(&"ü".as_bytes()[..1]);
    let cleaned = clean(&TEXT, &cut);
    assert!(cleaned.body.starts_with("Der Haushalt"));
    assert!(!cleaned.warnings.is_empty());
}

#[test]
fn a_bom_that_contradicts_the_meta_charset() {
    // The BOM says UTF-8, the meta tag windows-1251: the BOM wins.
    let mut page =
        b"\xEF\xBB\xBF<!DOCTYPE html><html><head><meta charset=windows-1251></head>".to_vec();
    page.extend_from_slice(
        "<body><p>Совет утвердил бюджет во вторник вечером.</p></body></html>".as_bytes(),
    );
    let cleaned = clean(&AUTO, &page);
    assert!(cleaned.body.contains("Совет утвердил"), "{}", cleaned.body);
    // A UTF-16 BOM before ASCII-looking text.
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Plain text in UTF-16.\n".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let cleaned = clean(&AUTO, &utf16);
    assert!(
        cleaned.body.contains("Plain text in UTF-16."),
        "{:?}",
        cleaned.body
    );
}

#[test]
fn lone_surrogates_and_overlong_utf8_are_replaced_and_counted() {
    // CESU-style surrogate, overlong '/', a 5-byte form, a bare
    // continuation byte: all malformed in UTF-8.
    let mut text = "Städte und Gemeinden haben zugestimmt. "
        .as_bytes()
        .to_vec();
    text.extend_from_slice(b"\xED\xA0\x80 \xC0\xAF \xF8\x88\x80\x80\x80 \x80 end.\n");
    let cleaned = clean(&TEXT, &text);
    assert!(cleaned.body.contains("end."), "{}", cleaned.body);
    assert!(!cleaned.warnings.is_empty());
    // When decoded as UTF-8, the warning counts the replacements.
    if cleaned.body.contains('\u{FFFD}') {
        assert!(warned(&cleaned, "replaced"), "{:?}", cleaned.warnings);
    }
}

#[test]
fn a_huge_attribute() {
    let page = hostile_inputs::huge_attribute(scaled(8 << 20));
    let cleaned = clean(&AUTO, &page);
    assert!(cleaned.body.contains("The article."), "{}", cleaned.body);
    // An attribute that never ends: the rest of the page is inside it.
    let mut open = b"<!DOCTYPE html><html><body><p>Before.</p><p title=\"".to_vec();
    open.extend(std::iter::repeat_n(b'y', scaled(4 << 20)));
    let cleaned = clean(&AUTO, &open);
    assert!(cleaned.body.contains("Before."));
}

#[test]
fn a_page_of_inline_script() {
    let page = hostile_inputs::huge_script(scaled(8 << 20));
    let cleaned = clean(&AUTO, &page);
    assert!(cleaned.body.contains("The article."));
    assert!(!cleaned.body.contains("not content"));
}

#[test]
fn binary_files_saved_as_html() {
    // A PNG header, a gzip stream and a program, as a crawler might save
    // them, and random bytes with no signature: refused in every input
    // kind, with a message that says why.
    let mut rng = Rng(42);
    for (header, says) in [
        (&b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..], "PNG"),
        (&b"\x1f\x8b\x08\0"[..], "gzip"),
        (&b"\x7fELF\x02\x01\x01\0"[..], "ELF"),
        (&b""[..], "control"),
    ] {
        let mut bytes = header.to_vec();
        bytes.extend(rng.bytes(100_000));
        for c in [&*AUTO, &*TEXT, &*HTML] {
            let err = c.clean(&bytes).unwrap_err();
            assert!(matches!(err, Error::NotText { .. }), "{err}");
            assert!(err.to_string().starts_with("not text: "), "{err}");
            assert!(err.to_string().contains(says), "{err}");
        }
    }
    // The same through the `&str` entry point (a JSON-lines record's text).
    let err = TEXT
        .clean_str(&"\0\u{1}\u{2} bytes".repeat(100), InputKind::Text)
        .unwrap_err();
    assert!(matches!(err, Error::NotText { .. }), "{err}");
}

#[test]
fn a_text_with_a_stray_nul_or_control_byte_is_cleaned() {
    // A NUL in every third line of an article, a vertical tab and an
    // escape left by an old editor: text, cleaned as usual.
    let mut text = String::new();
    for i in 0..36 {
        let stray = if i % 3 == 0 { "\0" } else { "" };
        text.push_str(&format!(
            "Paragraph {i} of the council story, with a stray byte{stray} in it.\n"
        ));
    }
    text.push_str("An old editor left a vertical tab\u{b} and an escape\u{1b} here.\n");
    text.push_str("Read more: Another story\n");
    let cleaned = clean(&TEXT, text.as_bytes());
    assert!(cleaned.body.contains("Paragraph 35 of the council"));
    assert!(!cleaned.body.contains("Read more"));
}

#[test]
fn inputs_over_the_limit_are_refused_with_a_clear_error() {
    let small = Cleaner::new(Options {
        max_input_bytes: 1000,
        ..Options::default()
    })
    .expect("built-in rules compile");
    let err = small.clean(&[b'a'; 1001]).unwrap_err();
    assert!(matches!(
        err,
        Error::TooLarge {
            size: 1001,
            limit: 1000
        }
    ));
    assert_eq!(
        err.to_string(),
        "input is 1001 bytes, over the limit of 1000 bytes"
    );
    // At the limit is fine.
    assert!(small.clean(&[b'a'; 1000]).is_ok());
}

/// Markup, broken markup and text that a tokenizer must read without a
/// panic or a loop, whatever order they come in: every state the HTML
/// tokenizer has (tags, attributes, references, comments, doctypes,
/// raw text, script escapes, CDATA) and the bytes that end them.
const MARKUP: &[&str] = &[
    "<",
    ">",
    "/",
    "!",
    "?",
    "-",
    "--",
    "&",
    "#",
    "x",
    ";",
    "=",
    "\"",
    "'",
    " ",
    "\n",
    "\r",
    "\t",
    "\0",
    "[",
    "]",
    "é",
    "€",
    "\u{feff}",
    "a",
    "p",
    "div",
    "script",
    "style",
    "title",
    "textarea",
    "svg",
    "math",
    "table",
    "td",
    "template",
    "plaintext",
    "<!--",
    "-->",
    "--!>",
    "<!DOCTYPE",
    "public",
    "<![CDATA[",
    "]]>",
    "</script",
    "<script",
    "&amp",
    "&#x",
    "&notin",
    "<a href=",
    "<b>",
    "</b>",
    "</a>",
    "<p class=",
];

/// Pages the tests and fixtures hold (what a crawler saves), to be cut off
/// anywhere.
static PAGES: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut pages = Vec::new();
    for group in std::fs::read_dir(root).expect("fixtures").flatten() {
        for case in std::fs::read_dir(group.path())
            .expect("a fixture group")
            .flatten()
        {
            if let Ok(page) = std::fs::read(case.path().join("input.html")) {
                pages.push(page);
            }
        }
    }
    pages.sort();
    assert!(!pages.is_empty(), "the fixtures hold pages");
    pages
});

/// Cleaning `bytes` as HTML returns (the check is that it does, without a
/// panic or a hang) with a body no bigger than the input allows.
fn cleans_as_html(bytes: &[u8]) -> Result<(), TestCaseError> {
    match HTML.clean(bytes) {
        Ok(cleaned) => prop_assert!(cleaned.body.len() <= 4 * bytes.len() + 16),
        Err(e) => prop_assert!(matches!(e, Error::NotText { .. }), "{e}"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(if cfg!(debug_assertions) { 300 } else { 3000 }))]

    #[test]
    fn random_markup_never_panics_or_hangs(
        pieces in proptest::collection::vec(proptest::sample::select(MARKUP), 0..400)
    ) {
        cleans_as_html(pieces.concat().as_bytes())?;
    }

    #[test]
    fn random_bytes_after_a_page_start_never_panic(
        start in 0..MARKUP.len(),
        bytes in proptest::collection::vec(any::<u8>(), 0..2000)
    ) {
        let mut page = MARKUP[start].as_bytes().to_vec();
        page.extend(bytes);
        cleans_as_html(&page)?;
    }

    #[test]
    fn pages_cut_off_anywhere_never_panic(page in 0..PAGES.len(), cut in 0.0..1.0f64) {
        let page = &PAGES[page];
        // A byte offset: a cut may fall inside a character.
        let end = (page.len() as f64 * cut) as usize;
        cleans_as_html(&page[..end])?;
    }
}
