//! The JSON format: the stable JSON form of a cleaned document, shared by `--format json`,
//! the JSON-lines records and `--explain --format json`, and described by
//! `schema/newsbody-output-v1.json`.
//!
//! The object, fields in this order:
//! `schema` (the version, [`SCHEMA_VERSION`]), `source` (the input's name,
//! when there is one), `title`, `metadata`, `body`, `removed`, `warnings`,
//! and, in the explain form only, `blocks`. Within a schema version fields
//! are only ever added, never renamed, retyped or removed; readers should
//! ignore fields they do not know (JSON-lines records carry the caller's
//! own fields next to these).

use crate::model::{Cleaned, Kind, Metadata, Removal, Verdict};
use serde::{Serialize, Serializer};

/// The version of the JSON form, written as its `schema` field.
pub const SCHEMA_VERSION: u32 = 1;

/// A cleaned document as the stable JSON object. Build it with
/// [`Cleaned::to_json`] or [`Cleaned::to_explain_json`], then serialise it
/// with serde.
///
/// ```
/// let c = newsbody::clean(b"Body text.\nRead more: Elsewhere", &Default::default()).unwrap();
/// let v = serde_json::to_value(c.to_json(Some("page.txt"))).unwrap();
/// assert_eq!(v["schema"], 1);
/// assert_eq!(v["source"], "page.txt");
/// assert_eq!(v["body"], "Body text.\n");
/// assert_eq!(v["removed"][0]["kind"], "related");
/// assert!(v["metadata"]["date"].is_null());
/// ```
#[derive(Debug, Clone, Serialize)]
pub struct JsonOutput<'a> {
    schema: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    title: Option<&'a str>,
    metadata: &'a Metadata,
    body: &'a str,
    removed: &'a [Removal],
    warnings: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    blocks: Option<Vec<BlockJson<'a>>>,
}

/// One block in the explain form: every field always present, `kind`,
/// `rule` and `evidence` null for kept blocks.
#[derive(Debug, Clone, Serialize)]
struct BlockJson<'a> {
    position: usize,
    text: &'a str,
    decision: &'static str,
    kind: Option<Kind>,
    rule: Option<&'a str>,
    evidence: Option<&'a str>,
}

impl Cleaned {
    /// The stable JSON object of this document; `source` names the input
    /// (a path), or is left out with `None`.
    pub fn to_json<'a>(&'a self, source: Option<&'a str>) -> JsonOutput<'a> {
        JsonOutput {
            schema: SCHEMA_VERSION,
            source,
            title: self.title.as_deref(),
            metadata: &self.metadata,
            body: &self.body,
            removed: &self.removed,
            warnings: &self.warnings,
            blocks: None,
        }
    }

    /// The JSON object with, in addition, every block and its decision
    /// (the explain view as data).
    ///
    /// ```
    /// let c = newsbody::clean(b"Body text.\nRead more: Elsewhere", &Default::default()).unwrap();
    /// let v = serde_json::to_value(c.to_explain_json(None)).unwrap();
    /// assert_eq!(v["blocks"][0]["decision"], "keep");
    /// assert!(v["blocks"][0]["rule"].is_null());
    /// assert_eq!(v["blocks"][1]["decision"], "drop");
    /// assert_eq!(v["blocks"][1]["rule"], "en.related.read-more");
    /// ```
    pub fn to_explain_json<'a>(&'a self, source: Option<&'a str>) -> JsonOutput<'a> {
        let blocks = self.blocks.iter().map(|b| match &b.verdict {
            Verdict::Keep => BlockJson {
                position: b.position,
                text: &b.text,
                decision: "keep",
                kind: None,
                rule: None,
                evidence: None,
            },
            Verdict::Drop(why) => BlockJson {
                position: b.position,
                text: &b.text,
                decision: "drop",
                kind: Some(why.kind),
                rule: Some(&why.rule),
                evidence: Some(&why.evidence),
            },
        });
        JsonOutput {
            blocks: Some(blocks.collect()),
            ..self.to_json(source)
        }
    }

    /// [`Cleaned::to_json`] as a `serde_json::Value`.
    pub fn to_json_value(&self, source: Option<&str>) -> serde_json::Value {
        serde_json::to_value(self.to_json(source)).unwrap_or(serde_json::Value::Null)
    }

    /// [`Cleaned::to_json`] as one line of JSON, ending with a newline.
    pub fn to_json_line(&self, source: Option<&str>) -> String {
        let mut s = serde_json::to_string(&self.to_json(source)).unwrap_or_default();
        s.push('\n');
        s
    }
}

impl Serialize for Cleaned {
    /// As [`Cleaned::to_json`] without a source.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json(None).serialize(serializer)
    }
}
