//! The JSON-lines format, one record at a time: the record format of
//! `newsbody --jsonl`, for callers that run their own streaming loop.
//!
//! An input record is one JSON object with an `html` or a `text` field
//! (and usually an `id`). The output record keeps every other field
//! unchanged, with its exact bytes and in its order, and replaces the
//! document by the schema-1 fields of [`Cleaned::to_json`] (`schema`,
//! `title`, `metadata`, `body`, `removed`, `warnings`). Input fields with
//! those names are dropped, so a record cleaned twice does not grow
//! duplicate keys.
//!
//! ```
//! use newsbody::{Cleaner, Options, jsonl::Record};
//!
//! let cleaner = Cleaner::new(Options::default())?;
//! let line = br#"{"id":7,"text":"The council met on Monday.\n\nShare this article","lang":"en"}"#;
//! let record = Record::parse(line)?;
//! let (doc, kind) = record.document()?;
//! let cleaned = cleaner.clean_str(&doc, kind)?;
//! let out = record.render(&cleaned);
//! assert!(out.starts_with(r#"{"id":7,"lang":"en","schema":1,"#));
//! let value: serde_json::Value = serde_json::from_str(&out)?;
//! assert!(value["body"].as_str().unwrap().starts_with("The council met on Monday."));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::model::Cleaned;
use crate::options::InputKind;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

/// The fields an output record sets (and the input's document fields);
/// same-named input fields are dropped, every other field is passed through.
pub const OUTPUT_FIELDS: &[&str] = &[
    "html", "text", "schema", "title", "metadata", "body", "removed", "warnings",
];

/// A parsed input record: its fields in order, each value's JSON text kept
/// exactly as it was.
#[derive(Debug)]
pub struct Record {
    fields: Vec<(String, Box<RawValue>)>,
}

/// Why a record could not be cleaned: a message for people, and the
/// record's `id` (its JSON text) when it had one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// The record's `id` field as JSON text, when the record parsed.
    pub id: Option<String>,
    /// What is wrong with the record.
    pub message: String,
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RecordError {}

impl Record {
    /// Parses one line (without its newline) as a JSON object.
    pub fn parse(line: &[u8]) -> Result<Record, RecordError> {
        match serde_json::from_slice::<Fields>(line) {
            Ok(Fields(fields)) => Ok(Record { fields }),
            Err(e) => Err(RecordError {
                id: None,
                message: json_error(&e),
            }),
        }
    }

    /// The record's `id` as JSON text (`7`, `"a-12"`), if it has one.
    pub fn id(&self) -> Option<&str> {
        self.field("id").map(RawValue::get)
    }

    /// The document to clean and what it is: [`InputKind::Html`] from an
    /// `html` field, [`InputKind::Text`] from a `text` field. Exactly one
    /// of the two must be present, as a non-empty string. Clean it with
    /// [`crate::Cleaner::clean_str`].
    pub fn document(&self) -> Result<(String, InputKind), RecordError> {
        let (raw, name, kind) = match (self.field("html"), self.field("text")) {
            (Some(_), Some(_)) => return Err(self.error("record has both `html` and `text`")),
            (Some(v), None) => (v, "html", InputKind::Html),
            (None, Some(v)) => (v, "text", InputKind::Text),
            (None, None) => return Err(self.error("record has no `html` or `text` field")),
        };
        let doc: String = serde_json::from_str(raw.get())
            .map_err(|_| self.error(&format!("`{name}` is not a string")))?;
        if doc.is_empty() {
            return Err(self.error("empty document, nothing to clean"));
        }
        Ok((doc, kind))
    }

    /// The output line (without a newline): this record's other fields,
    /// then the schema-1 fields of `cleaned`.
    pub fn render(&self, cleaned: &Cleaned) -> String {
        let mut s = String::with_capacity(cleaned.body.len() + 256);
        s.push('{');
        for (k, v) in self
            .fields
            .iter()
            .filter(|(k, _)| !OUTPUT_FIELDS.contains(&k.as_str()))
        {
            s.push_str(&json_string(k));
            s.push(':');
            s.push_str(v.get());
            s.push(',');
        }
        // The schema object always has fields, so it starts with `{"`.
        let tail = serde_json::to_string(&cleaned.to_json(None)).unwrap_or_else(|_| "{}".into());
        s.push_str(&tail[1..]);
        s
    }

    /// A [`RecordError`] carrying this record's id.
    pub fn error(&self, message: &str) -> RecordError {
        RecordError {
            id: self.id().map(str::to_string),
            message: message.to_string(),
        }
    }

    fn field(&self, name: &str) -> Option<&RawValue> {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| &**v)
    }
}

/// The record written in place of one that failed:
/// `{"line":N,"source":..,"id":..,"error":".."}`, `source` and `id` only
/// when known.
pub fn error_line(line: usize, source: Option<&str>, error: &RecordError) -> String {
    let mut s = format!("{{\"line\":{line}");
    if let Some(source) = source {
        s.push_str(",\"source\":");
        s.push_str(&json_string(source));
    }
    if let Some(id) = &error.id {
        s.push_str(",\"id\":");
        s.push_str(id);
    }
    s.push_str(",\"error\":");
    s.push_str(&json_string(&error.message));
    s.push('}');
    s
}

/// serde_json's message without its "at line 1 column N" (the record is
/// one line; the line number is the record's own).
fn json_error(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let msg = msg.split(" at line ").next().unwrap_or_default();
    format!("not a JSON object: {msg} (column {})", e.column())
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

/// A JSON object's fields in their order, each value's exact text kept.
struct Fields(Vec<(String, Box<RawValue>)>);

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ObjectVisitor;
        impl<'de> Visitor<'de> for ObjectVisitor {
            type Value = Fields;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
                let mut fields = Vec::new();
                while let Some(entry) = map.next_entry::<String, Box<RawValue>>()? {
                    fields.push(entry);
                }
                Ok(Fields(fields))
            }
        }
        d.deserialize_map(ObjectVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_other_fields_in_order_and_drops_ours() {
        let r = Record::parse(
            br#"{"b":[1, 2],"id":"x","text":"Hello there.","body":"old","a":{"k":null}}"#,
        )
        .unwrap();
        assert_eq!(r.id(), Some(r#""x""#));
        let (doc, kind) = r.document().unwrap();
        assert_eq!((doc.as_str(), kind), ("Hello there.", InputKind::Text));
        let cleaner = crate::Cleaner::new(crate::Options::default()).unwrap();
        let out = r.render(&cleaner.clean_str(&doc, kind).unwrap());
        assert!(
            out.starts_with(r#"{"b":[1, 2],"id":"x","a":{"k":null},"schema":1,"#),
            "{out}"
        );
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["body"], "Hello there.");
    }

    #[test]
    fn says_what_is_wrong() {
        let msg = |line: &[u8]| match Record::parse(line).and_then(|r| r.document()) {
            Ok(_) => String::new(),
            Err(e) => e.message,
        };
        assert!(msg(b"[1]").starts_with("not a JSON object"));
        assert!(msg(b"{\"id\":1").starts_with("not a JSON object"));
        assert_eq!(msg(br#"{"id":1}"#), "record has no `html` or `text` field");
        assert_eq!(
            msg(br#"{"html":"a","text":"b"}"#),
            "record has both `html` and `text`"
        );
        assert_eq!(msg(br#"{"text":3}"#), "`text` is not a string");
        assert_eq!(msg(br#"{"text":""}"#), "empty document, nothing to clean");
    }

    #[test]
    fn error_lines_are_json_with_the_id() {
        let r = Record::parse(br#"{"id":42,"text":7}"#).unwrap();
        let e = r.document().unwrap_err();
        let line = error_line(3, Some("in \"x\".jsonl"), &e);
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["line"], 3);
        assert_eq!(v["id"], 42);
        assert_eq!(v["source"], "in \"x\".jsonl");
        assert_eq!(v["error"], "`text` is not a string");
    }
}
