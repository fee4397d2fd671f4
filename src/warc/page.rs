//! A WARC record's HTML page: the record fields a corpus keeps, the
//! payload, and the charset its HTTP header declared; and how it is
//! cleaned.

use super::RecordError;
use super::header::Header;
use super::http;
use crate::{Cleaned, Cleaner, Error};

/// One HTML page read from a WARC file.
#[derive(Debug, Clone)]
pub struct Page {
    /// Where the record starts (see [`RecordError::offset`]).
    pub offset: u64,
    /// `WARC-Record-ID` (`<urn:uuid:...>`).
    pub record_id: Option<String>,
    /// `WARC-Target-URI`: the page's address.
    pub url: Option<String>,
    /// `WARC-Date`: when it was fetched, as written (ISO 8601).
    pub date: Option<String>,
    /// The HTTP status (`None` for a `resource` record).
    pub status: Option<u16>,
    /// The charset the HTTP `Content-Type` declared, as written.
    pub charset: Option<String>,
    /// The payload: the page's bytes, with transfer and content codings
    /// undone.
    pub content: Vec<u8>,
    /// Problems met reading it (a payload cut by the crawler).
    pub warnings: Vec<String>,
}

/// Media types that are pages.
const HTML_TYPES: &[&str] = &["text/html", "application/xhtml+xml"];

/// The page in a record's block, `None` when the payload is not HTML.
/// `is_response`: the block is an HTTP response (else a `resource`'s
/// bytes, typed by the WARC `Content-Type`).
pub(super) fn from_block(
    header: Header,
    is_response: bool,
    block: Vec<u8>,
    offset: u64,
    limit: usize,
) -> Result<Option<Page>, RecordError> {
    let fail = |message: String| RecordError {
        offset,
        record_id: header.record_id().map(str::to_string),
        url: header.target_uri().map(str::to_string),
        message,
    };
    let (status, media_type, charset, content, mut warnings) = if is_response {
        let r = http::parse(&block, limit).map_err(fail)?;
        (Some(r.status), r.media_type, r.charset, r.body, r.warnings)
    } else {
        let (media, charset) = http::content_type(header.get("Content-Type").unwrap_or_default());
        (None, media, charset, block, Vec::new())
    };
    // Common Crawl's identified type (from the bytes) is a better guess
    // than the server's word; with neither, the bytes are sniffed.
    let identified = header
        .get("WARC-Identified-Payload-Type")
        .and_then(|t| http::content_type(t).0);
    let is_html = match identified.or(media_type) {
        Some(t) => HTML_TYPES.contains(&t.as_str()),
        None => crate::input::looks_like_html(&content),
    };
    if !is_html {
        return Ok(None);
    }
    if content.is_empty() {
        return Err(fail("empty HTML payload, nothing to clean".into()));
    }
    if let Some(why) = header.get("WARC-Truncated") {
        warnings.push(format!(
            "payload truncated by the crawler (WARC-Truncated: {why})"
        ));
    }
    Ok(Some(Page {
        offset,
        record_id: header.record_id().map(str::to_string),
        url: header.target_uri().map(str::to_string),
        date: header.get("WARC-Date").map(str::to_string),
        status,
        charset,
        content,
        warnings,
    }))
}

impl Page {
    /// Cleans the page with its declared charset
    /// ([`Cleaner::clean_with_charset`]: a byte-order mark, then the HTTP
    /// charset, then UTF-8, `<meta charset>`, a guess). The cleaner's input
    /// kind applies: build it with [`InputKind::Html`](crate::InputKind)
    /// to take the `Content-Type`'s word that the page is HTML (as
    /// `newsbody --warc` does unless told `--input text`) rather than
    /// sniff it. The reader's warnings come first in the result's.
    pub fn clean(&self, cleaner: &Cleaner) -> Result<Cleaned, Error> {
        let mut cleaned = cleaner.clean_with_charset(&self.content, self.charset.as_deref())?;
        if !self.warnings.is_empty() {
            let mut warnings = self.warnings.clone();
            warnings.append(&mut cleaned.warnings);
            cleaned.warnings = warnings;
        }
        Ok(cleaned)
    }
}
