//! Runs every metadata fixture under `fixtures/metadata/<name>/`: cleans
//! `input.html` and compares `Cleaned.metadata` with `expected.json`
//! (written by hand: every field, `null` when unknown). Also checks that
//! text input has no metadata.

use newsbody::{Cleaner, InputKind, Metadata, Options};
use serde_json::Value;
use std::path::Path;

fn cleaner(kind: InputKind) -> Cleaner {
    Cleaner::new(Options {
        input: kind,
        ..Options::default()
    })
    .expect("rules load")
}

#[test]
fn metadata_fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/metadata");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .expect("fixtures/metadata exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("input.html").exists())
        .collect();
    cases.sort();
    assert!(cases.len() >= 15, "only {} metadata fixtures", cases.len());
    let html = cleaner(InputKind::Html);
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(case.join("input.html")).expect("read input");
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(case.join("expected.json")).expect("read expected.json"),
        )
        .unwrap_or_else(|e| panic!("{name}/expected.json: {e}"));
        let cleaned = html.clean(&bytes).expect("clean");
        // One title: the result's and the metadata's are the same.
        if cleaned.title != cleaned.metadata.title {
            failures.push(format!(
                "{name}: title {:?} but metadata.title {:?}",
                cleaned.title, cleaned.metadata.title
            ));
        }
        let actual = serde_json::to_value(cleaned.metadata).unwrap();
        if actual != expected {
            failures.push(format!("{name}:\n{}", field_diff(&expected, &actual)));
        }
    }
    println!(
        "metadata fixtures: {} passed, {} failed",
        cases.len() - failures.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The fields that differ, one per line.
fn field_diff(expected: &Value, actual: &Value) -> String {
    let empty = serde_json::Map::new();
    let e = expected.as_object().unwrap_or(&empty);
    let a = actual.as_object().unwrap_or(&empty);
    let mut keys: Vec<&String> = e.keys().chain(a.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| e.get(*k) != a.get(*k))
        .map(|k| {
            let show = |v: Option<&Value>| v.map_or("(absent)".into(), Value::to_string);
            format!(
                "  {k}: expected {}, got {}\n",
                show(e.get(k)),
                show(a.get(k))
            )
        })
        .collect()
}

#[test]
fn text_input_has_no_metadata() {
    let c = cleaner(InputKind::Text)
        .clean(b"Title: not metadata\nA line of body text.\n")
        .unwrap();
    assert!(c.metadata.is_empty());
    assert_eq!(c.metadata, Metadata::default());
}

#[test]
fn hostile_pages_do_not_panic() {
    let html = cleaner(InputKind::Html);
    let deep = format!(
        "<script type=application/ld+json>{}</script>",
        "{\"a\":".repeat(5000)
    );
    let many_times = "<time datetime=x>".repeat(10_000);
    let many_metas = "<meta name=date content=nope>".repeat(10_000);
    let odd = "<meta name=date content='2024-02-30'><time datetime='9999-99-99T99:99'>\u{1F600}</time><html lang='\u{e9}\u{e9}'>";
    for page in [
        deep.as_str(),
        &many_times,
        &many_metas,
        odd,
        "<meta>",
        "<link rel=canonical>",
    ] {
        let m = html.clean(page.as_bytes()).unwrap().metadata;
        assert_eq!(m.date, None);
    }
}

mod properties {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any string: no panic, and what comes out has the ISO shape.
        #[test]
        fn dates_normalise_or_not_without_panic(s in "\\PC{0,40}") {
            if let Some(d) = newsbody::metadata::normalize_date(&s) {
                prop_assert!(d.len() >= 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-', "{d}");
            }
        }

        /// Date-like strings built from real pieces, in any order.
        #[test]
        fn date_pieces_in_any_order(parts in proptest::collection::vec(prop_oneof![
            Just("2024"), Just("March"), Just("5"), Just("31"), Just("10:00"), Just("pm"),
            Just("GMT"), Just("+0530"), Just("Tue,"), Just("de"), Just("2024-03-05T10:00"),
        ], 0..7)) {
            let _ = newsbody::metadata::normalize_date(&parts.join(" "));
        }

        /// Pages made of metadata-bearing tags with arbitrary values.
        #[test]
        fn pages_never_panic(values in proptest::collection::vec("\\PC{0,30}", 1..6)) {
            let mut page = String::from("<html lang='");
            page.push_str(&values[0]);
            page.push_str("'><head>");
            for v in &values {
                let v = v.replace('\'', "&#39;");
                page.push_str(&format!("<meta name='date' content='{v}'><meta property='og:locale' content='{v}'>"));
                page.push_str(&format!("<link rel=canonical href='{v}'><script type='application/ld+json'>{v}</script>"));
            }
            page.push_str("</head><body><time>");
            page.push_str(&values[values.len() - 1]);
            page.push_str("</time><p>Text.</p></body></html>");
            let head = newsbody::metadata::Head::read(&page);
            let m = newsbody::metadata::extract(&head);
            if let Some(url) = m.url {
                prop_assert!(url.starts_with("http://") || url.starts_with("https://"));
            }
        }
    }
}
