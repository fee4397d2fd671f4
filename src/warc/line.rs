//! The JSON line of a WARC page: the record's fields, then the schema-1
//! fields of the cleaned page; and the line written for a record that
//! failed.

use super::{Page, RecordError};
use crate::Cleaned;
use serde::Serialize;

/// The record fields that lead each line, `null` when the record lacks
/// them.
#[derive(Serialize)]
struct Fields<'a> {
    warc_record_id: Option<&'a str>,
    url: Option<&'a str>,
    date: Option<&'a str>,
}

/// `{"warc_record_id":..,"url":..,"date":..,"schema":1,"title":..,
/// "metadata":..,"body":..,"removed":..,"warnings":..}` (no newline).
pub fn page_line(page: &Page, cleaned: &Cleaned) -> String {
    let head = serde_json::to_string(&Fields {
        warc_record_id: page.record_id.as_deref(),
        url: page.url.as_deref(),
        date: page.date.as_deref(),
    })
    .unwrap_or_else(|_| "{}".into());
    // Both objects always have fields: `{..}` + `,` + `..}`.
    let tail = serde_json::to_string(&cleaned.to_json(None)).unwrap_or_else(|_| "{}".into());
    let mut s = String::with_capacity(head.len() + tail.len());
    s.push_str(&head[..head.len() - 1]);
    s.push(',');
    s.push_str(&tail[1..]);
    s
}

/// `{"source":..,"offset":N,"warc_record_id":..,"url":..,"error":".."}`
/// (`source` only when given; no newline).
pub fn error_line(source: Option<&str>, error: &RecordError) -> String {
    #[derive(Serialize)]
    struct Line<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        source: Option<&'a str>,
        offset: u64,
        warc_record_id: Option<&'a str>,
        url: Option<&'a str>,
        error: &'a str,
    }
    serde_json::to_string(&Line {
        source,
        offset: error.offset,
        warc_record_id: error.record_id.as_deref(),
        url: error.url.as_deref(),
        error: &error.message,
    })
    .unwrap_or_default()
}
