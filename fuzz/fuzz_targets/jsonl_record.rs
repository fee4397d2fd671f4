//! One JSON-lines record through `newsbody::jsonl`, as `newsbody --jsonl`
//! handles it: any bytes as a line; no panic; a record that parses and
//! cleans gives one JSON object that keeps every field the output does not
//! set, with its exact value text, in order; a record that fails gives an
//! error line that is a JSON object naming the line.

#![no_main]

use libfuzzer_sys::fuzz_target;
use newsbody::jsonl::{OUTPUT_FIELDS, Record, error_line};
use newsbody::{Cleaner, Options};
use serde_json::Value;
use std::sync::LazyLock;

static CLEANER: LazyLock<Cleaner> =
    LazyLock::new(|| Cleaner::new(Options::default()).expect("built-in rules compile"));

fuzz_target!(|line: &[u8]| {
    let outcome = Record::parse(line).and_then(|record| {
        let (doc, kind) = record.document()?;
        let cleaned = CLEANER
            .clean_str(&doc, kind)
            .map_err(|e| record.error(&e.to_string()))?;
        Ok((record.render(&cleaned), cleaned.body))
    });
    match outcome {
        Ok((out, body)) => {
            assert!(!out.contains('\n'), "a record spans lines");
            // Values are passed through as their text: one serde_json's own
            // reader refuses (a number out of range) is refused in both.
            let Ok(input) = serde_json::from_slice::<Value>(line) else {
                assert!(serde_json::from_str::<Value>(&out).is_err());
                return;
            };
            let value: Value = serde_json::from_str(&out).expect("output is JSON");
            let object = value.as_object().expect("output is an object");
            assert_eq!(object["schema"], 1);
            assert_eq!(object["body"].as_str(), Some(body.as_str()));
            // Every input field the output does not set survives unchanged.
            for (k, v) in input.as_object().expect("input is an object") {
                if !OUTPUT_FIELDS.contains(&k.as_str()) {
                    assert_eq!(object.get(k), Some(v), "field {k} changed");
                }
            }
        }
        Err(e) => {
            let out = error_line(17, Some("in.jsonl"), &e);
            // The id is passed through as its text, like every value.
            let Ok(value) = serde_json::from_str::<Value>(&out) else {
                assert!(serde_json::from_slice::<Value>(line).is_err());
                return;
            };
            assert_eq!(value["line"], 17);
            assert_eq!(value["error"].as_str(), Some(e.message.as_str()));
        }
    }
});
