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
