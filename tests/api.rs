//! The library's promises that the compiler can check: a `Cleaner` is
//! shared across threads, and the entry points agree with each other.

use newsbody::{Cleaned, Cleaner, InputKind, Metadata, Options};

/// Compile-time: these types cross threads.
const _: () = {
    const fn send_sync<T: Send + Sync>() {}
    send_sync::<Cleaner>();
    send_sync::<Cleaned>();
    send_sync::<Metadata>();
    send_sync::<Options>();
    send_sync::<newsbody::Error>();
};

#[test]
fn one_cleaner_serves_many_threads() {
    let cleaner = Cleaner::new(Options::default()).unwrap();
    let doc = "Body paragraph one.\nRead more: Another story\nBody paragraph two.\n";
    let bodies: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| s.spawn(|| cleaner.clean(doc.as_bytes()).unwrap().body))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(
        bodies
            .iter()
            .all(|b| b == "Body paragraph one.\nBody paragraph two.\n")
    );
}

#[test]
fn entry_points_agree() {
    let html =
        "<html lang=en><head><title>T</title></head><body><p>Some body text.</p></body></html>";
    let cleaner = Cleaner::new(Options::default()).unwrap();
    let via_bytes = cleaner.clean(html.as_bytes()).unwrap();
    let via_str = cleaner.clean_str(html, InputKind::Html).unwrap();
    let via_sniffed_str = cleaner.clean_str(html, InputKind::Auto).unwrap();
    let via_fn = newsbody::clean(html.as_bytes(), &Options::default()).unwrap();
    assert_eq!(via_bytes, via_str);
    assert_eq!(via_bytes, via_sniffed_str);
    assert_eq!(via_bytes, via_fn);
    assert_eq!(via_bytes.metadata.language.as_deref(), Some("en"));

    let text = Cleaner::new(Options {
        input: InputKind::Text,
        ..Options::default()
    })
    .unwrap();
    assert_eq!(
        text.clean(b"Line one.\n").unwrap(),
        text.clean_str("Line one.\n", InputKind::Text).unwrap()
    );
}

/// The README's example of a rule file of one's own (`# my.rules`, with
/// no `@kind` for its first rules) loads as shown and works.
#[test]
fn the_readme_rule_file_example_works() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let start = readme
        .find("# my.rules")
        .expect("the README shows my.rules");
    let end = start + readme[start..].find("```").expect("the block ends");
    let rules = readme[start..end].to_string();
    let cleaner = Cleaner::new(Options {
        extra_rules: vec![("my.rules".to_string(), rules)],
        ..Options::default()
    })
    .expect("the README's rule file loads");
    let text = "The ferry will run twice a day from May.\nListen to our podcast for more.\nGet the Riverside Ledger app for Android!\n";
    let cleaned = cleaner.clean_str(text, InputKind::Text).unwrap();
    assert_eq!(cleaned.body, "The ferry will run twice a day from May.\n");
    let rules: Vec<&str> = cleaned.removed.iter().map(|r| r.rule.as_str()).collect();
    assert_eq!(rules, ["my.promo.podcast", "my.promo.app"]);
}
