//! A WARC record's header block: the version line (`WARC/1.0`, `WARC/1.1`)
//! and `Name: value` fields up to an empty line.
//!
//! Written by hand: the format is a dozen lines of RFC 822 style fields,
//! and the one crate for it (`warc`) reads bodies line by line, parses
//! dates strictly and cannot resume after a corrupt record (see the
//! README's WARC section). Field names are matched case-insensitively;
//! continuation lines (a leading space or tab) are joined to the field
//! before them, as the standard allows.

use std::io::{self, BufRead};

/// A header block larger than this is not a header: the record is corrupt.
pub const MAX_HEADER_BYTES: usize = 256 * 1024;

/// The fields of one record's header block.
#[derive(Debug, Default)]
pub struct Header {
    fields: Vec<(String, String)>,
}

impl Header {
    /// The first value of field `name` (any case), trimmed.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// `Content-Length`, the size of the block after the header.
    pub fn content_length(&self) -> Result<u64, String> {
        let v = self
            .get("Content-Length")
            .ok_or("WARC header has no Content-Length")?;
        v.parse()
            .map_err(|_| format!("WARC header has a bad Content-Length: {v:?}"))
    }

    /// `WARC-Record-ID` without its angle brackets' spacing (kept as
    /// written otherwise: `<urn:uuid:...>`).
    pub fn record_id(&self) -> Option<&str> {
        self.get("WARC-Record-ID")
    }

    /// `WARC-Target-URI`, without the angle brackets some writers add.
    pub fn target_uri(&self) -> Option<&str> {
        self.get("WARC-Target-URI")
            .map(|u| u.trim_start_matches('<').trim_end_matches('>'))
    }
}

/// What was found where a record should start.
pub enum Start {
    /// The end of the input, with only blank lines before it.
    End,
    /// A header block.
    Header(Header),
}

/// Reads a header block, skipping blank lines before it. A first line
/// that is not a version line, a block over [`MAX_HEADER_BYTES`] or one
/// cut off by the end of the input is an error.
pub fn read(r: &mut impl BufRead) -> io::Result<Result<Start, String>> {
    let mut line = Vec::new();
    loop {
        line.clear();
        if read_line(r, &mut line, MAX_HEADER_BYTES)? == 0 {
            return Ok(Ok(Start::End));
        }
        if !trim(&line).is_empty() {
            break;
        }
    }
    let first = trim(&line);
    if !first.starts_with(b"WARC/") {
        let shown = String::from_utf8_lossy(&first[..first.len().min(40)]).into_owned();
        return Ok(Err(format!(
            "not a WARC record: expected a WARC/1.x line, found {shown:?}"
        )));
    }
    let mut header = Header::default();
    let mut total = line.len();
    loop {
        line.clear();
        let n = read_line(r, &mut line, MAX_HEADER_BYTES - total)?;
        total += n;
        if n == 0 {
            return Ok(Err(
                "truncated WARC header (the input ends inside it)".into()
            ));
        }
        if total >= MAX_HEADER_BYTES {
            return Ok(Err(format!(
                "WARC header over {MAX_HEADER_BYTES} bytes: not a header"
            )));
        }
        if trim(&line).is_empty() {
            return Ok(Ok(Start::Header(header)));
        }
        add_line(&mut header, &line);
    }
}

fn add_line(header: &mut Header, line: &[u8]) {
    let text = String::from_utf8_lossy(trim_end(line));
    if text.starts_with([' ', '\t']) {
        if let Some((_, v)) = header.fields.last_mut() {
            v.push(' ');
            v.push_str(text.trim());
        }
        return;
    }
    if let Some((name, value)) = text.split_once(':') {
        header
            .fields
            .push((name.trim().to_string(), value.trim().to_string()));
    }
}

/// Reads one line, newline included, keeping at most `limit` bytes of it
/// (the rest is consumed and dropped). Returns the bytes consumed.
fn read_line(r: &mut impl BufRead, line: &mut Vec<u8>, limit: usize) -> io::Result<usize> {
    let mut consumed = 0;
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(consumed);
        }
        let end = memchr::memchr(b'\n', buf).map(|i| i + 1);
        let take = end.unwrap_or(buf.len());
        let room = limit.saturating_sub(line.len());
        line.extend_from_slice(&buf[..take.min(room)]);
        r.consume(take);
        consumed += take;
        if end.is_some() {
            return Ok(consumed);
        }
    }
}

fn trim(line: &[u8]) -> &[u8] {
    line.trim_ascii()
}

fn trim_end(line: &[u8]) -> &[u8] {
    line.trim_ascii_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(text: &str) -> Result<Start, String> {
        read(&mut text.as_bytes()).unwrap()
    }

    #[test]
    fn reads_fields_in_any_case_with_continuations() {
        let Ok(Start::Header(h)) = header(
            "\r\nWARC/1.1\r\nWARC-Type: response\r\nwarc-target-uri: <https://a.example/x>\r\n\
             Content-Length: 12\r\nX-Long: one\r\n  two\r\n\r\nbody",
        ) else {
            panic!("not a header")
        };
        assert_eq!(h.get("warc-type"), Some("response"));
        assert_eq!(h.target_uri(), Some("https://a.example/x"));
        assert_eq!(h.content_length(), Ok(12));
        assert_eq!(h.get("x-long"), Some("one two"));
    }

    #[test]
    fn says_what_is_wrong() {
        let err = |t: &str| match header(t) {
            Err(e) => e,
            Ok(_) => String::new(),
        };
        assert!(err("HTTP/1.1 200 OK\r\n\r\n").starts_with("not a WARC record"));
        assert!(err("WARC/1.0\r\nWARC-Type: response\r\n").starts_with("truncated"));
        assert!(matches!(header("\r\n\r\n"), Ok(Start::End)));
        let Ok(Start::Header(h)) = header("WARC/1.0\r\nContent-Length: x\r\n\r\n") else {
            panic!()
        };
        assert!(
            h.content_length()
                .unwrap_err()
                .contains("bad Content-Length")
        );
    }
}
