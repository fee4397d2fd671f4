//! Writes WARC files for tests and benchmarks, from pages we have as
//! files: each page becomes a `request`, a `response` and a `metadata`
//! record, after one `warcinfo`, each record its own gzip member (the
//! standard's layout and Common Crawl's).
//!
//! The responses vary their HTTP framing so every decoding path is
//! exercised on real pages: plain with `Content-Length`, `chunked`,
//! `Content-Encoding: gzip`, both together. A page that is valid UTF-8,
//! holds non-ASCII text, declares no charset itself and can be written in
//! windows-1252 is stored in windows-1252 with the charset only in the
//! HTTP header, as many servers send pages.

#![allow(dead_code)] // each test or example uses part of it

use flate2::{Compression, write::GzEncoder};
use std::io::{self, Write};

/// How a page's response is framed and encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    Plain,
    Chunked,
    Gzip,
    ChunkedGzip,
}

impl Framing {
    /// The framing of the `i`-th page.
    pub fn nth(i: usize) -> Framing {
        [
            Framing::Plain,
            Framing::Chunked,
            Framing::Gzip,
            Framing::ChunkedGzip,
        ][i % 4]
    }
}

/// A WARC file being written.
pub struct WarcWriter<W: Write> {
    out: W,
    serial: u64,
    /// Pages stored in windows-1252 with the charset only in the header.
    pub header_charset_pages: usize,
}

impl<W: Write> WarcWriter<W> {
    /// Starts a file with its `warcinfo` record.
    pub fn new(out: W) -> io::Result<WarcWriter<W>> {
        let mut w = WarcWriter {
            out,
            serial: 0,
            header_charset_pages: 0,
        };
        w.record(
            "warcinfo",
            None,
            "application/warc-fields",
            b"software: newsbody tests\r\nformat: WARC File Format 1.1\r\n",
        )?;
        Ok(w)
    }

    /// Adds `page` fetched from `url`: request, response, metadata.
    pub fn page(&mut self, url: &str, page: &[u8], framing: Framing) -> io::Result<()> {
        let request = format!(
            "GET / HTTP/1.1\r\nHost: {}\r\nUser-Agent: newsbody-tests\r\n\r\n",
            url.split('/').nth(2).unwrap_or("example.org")
        );
        self.record(
            "request",
            Some(url),
            "application/http; msgtype=request",
            request.as_bytes(),
        )?;
        let response = response(page, framing, &mut self.header_charset_pages);
        self.record(
            "response",
            Some(url),
            "application/http; msgtype=response",
            &response,
        )?;
        self.record(
            "metadata",
            Some(url),
            "application/warc-fields",
            b"fetchTimeMs: 120\r\n",
        )
    }

    /// Adds a record of any type with a raw block.
    pub fn record(
        &mut self,
        kind: &str,
        url: Option<&str>,
        content_type: &str,
        block: &[u8],
    ) -> io::Result<()> {
        self.serial += 1;
        let mut rec = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{:012x}>\r\n\
             WARC-Date: 2024-03-05T10:{:02}:{:02}Z\r\n",
            self.serial,
            self.serial / 60 % 60,
            self.serial % 60
        );
        if let Some(url) = url {
            rec.push_str(&format!("WARC-Target-URI: {url}\r\n"));
        }
        rec.push_str(&format!(
            "Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        ));
        let mut bytes = rec.into_bytes();
        bytes.extend_from_slice(block);
        bytes.extend_from_slice(b"\r\n\r\n");
        self.out.write_all(&gzip(&bytes))
    }

    /// Writes raw bytes (a corrupt record, for the tests).
    pub fn raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)
    }

    /// Finishes and returns the output.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

/// One gzip member.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    e.write_all(bytes).expect("writing to memory");
    e.finish().expect("writing to memory")
}

/// The HTTP response carrying `page`.
fn response(page: &[u8], framing: Framing, header_charset: &mut usize) -> Vec<u8> {
    let (body, charset) = match as_windows_1252(page) {
        Some(legacy) => {
            *header_charset += 1;
            (legacy, "; charset=windows-1252")
        }
        None => (page.to_vec(), ""),
    };
    let mut head =
        format!("HTTP/1.1 200 OK\r\nContent-Type: text/html{charset}\r\nServer: test\r\n");
    let body = match framing {
        Framing::Gzip | Framing::ChunkedGzip => {
            head.push_str("Content-Encoding: gzip\r\n");
            gzip(&body)
        }
        _ => body,
    };
    let body = match framing {
        Framing::Chunked | Framing::ChunkedGzip => {
            head.push_str("Transfer-Encoding: chunked\r\n");
            chunked(&body)
        }
        _ => {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
            body
        }
    };
    head.push_str("\r\n");
    [head.into_bytes(), body].concat()
}

/// `body` in chunks of 4,000 bytes.
fn chunked(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + body.len() / 400 + 16);
    for c in body.chunks(4000) {
        out.extend_from_slice(format!("{:x}\r\n", c.len()).as_bytes());
        out.extend_from_slice(c);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

/// The page in windows-1252 when it is UTF-8 with non-ASCII text, every
/// character has a windows-1252 byte, and it names no charset itself.
fn as_windows_1252(page: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(page).ok()?;
    if text.is_ascii() || text.starts_with('\u{feff}') {
        return None;
    }
    let head = page[..page.len().min(2048)].to_ascii_lowercase();
    if head.windows(7).any(|w| w == b"charset") {
        return None;
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    (!unmappable).then(|| bytes.into_owned())
}
