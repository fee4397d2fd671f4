//! Web archive (WARC) input: a streaming reader of the HTML pages in a
//! `.warc` or `.warc.gz` file (behind the `warc` cargo feature).
//!
//! [`WarcReader`] yields one [`Page`] per `response` (or `resource`)
//! record whose payload is HTML, with the WARC fields a corpus keeps
//! (`WARC-Record-ID`, `WARC-Target-URI`, `WARC-Date`) and the charset the
//! HTTP `Content-Type` declared. Other records (`warcinfo`, `request`,
//! `metadata`, `revisit`, images, PDFs, ...) are skipped and counted.
//!
//! The file is read once, front to back, one record in memory at a time,
//! whatever its size. Gzip is detected from the bytes, not the name, and
//! read member by member (see `gzip.rs`). A record that cannot be read (a
//! corrupt header, a corrupt gzip member, a bad HTTP response, one over
//! the size limit) is yielded as a [`RecordError`], and reading goes on at
//! the next record; only the end of the input, or an I/O error of the
//! file itself, ends it.
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use newsbody::{Cleaner, InputKind, Options, warc::WarcReader};
//! let warc = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n\
//!     WARC-Target-URI: https://news.example/a\r\nWARC-Date: 2024-03-05T10:00:00Z\r\n\
//!     Content-Type: application/http; msgtype=response\r\nContent-Length: 118\r\n\r\n\
//!     HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
//!     <html><body><p>The bridge reopens in May.</p></body></html>\r\n\r\n";
//! let cleaner = Cleaner::new(Options { input: InputKind::Html, ..Options::default() })?;
//! let mut reader = WarcReader::new(&warc[..], Options::default().max_input_bytes)?;
//! let page = reader.next().unwrap()?;
//! assert_eq!(page.url.as_deref(), Some("https://news.example/a"));
//! assert_eq!(page.charset.as_deref(), Some("utf-8"));
//! let cleaned = page.clean(&cleaner)?;
//! assert_eq!(cleaned.body, "The bridge reopens in May.\n");
//! assert!(reader.next().is_none());
//! # Ok(())
//! # }
//! ```

mod gzip;
mod header;
mod http;
mod line;
mod page;

pub use line::{error_line, page_line};
pub use page::Page;

use header::{Header, Start};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// Why a record yielded nothing to clean, with what is known of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// Where the record starts in the file: its byte offset, or for a
    /// gzipped file the offset of the gzip member it starts in.
    pub offset: u64,
    /// `WARC-Record-ID`, when the header could be read.
    pub record_id: Option<String>,
    /// `WARC-Target-URI`, when the header could be read.
    pub url: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "record at offset {}", self.offset)?;
        if let Some(id) = &self.record_id {
            write!(f, " ({id})")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for RecordError {}

/// Records passed over because they hold no HTML page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Skipped {
    /// Records of another type than `response` or `resource`
    /// (`warcinfo`, `request`, `metadata`, `revisit`, ...).
    pub other_type: u64,
    /// `response` and `resource` records whose payload is not HTML.
    pub not_html: u64,
}

impl Skipped {
    /// All records skipped.
    pub fn total(&self) -> u64 {
        self.other_type + self.not_html
    }
}

/// The input with the bytes read to sniff gzip put back in front.
type Peeked<R> = io::Chain<io::Cursor<Vec<u8>>, R>;

/// The decompressed bytes of the file.
enum Source<R: Read> {
    Plain(Counting<Peeked<R>>),
    Gzip(gzip::Members<Peeked<R>>),
}

/// A streaming reader of the HTML pages of a WARC file.
pub struct WarcReader<R: Read> {
    src: BufReader<Source<R>>,
    limit: usize,
    skipped: Skipped,
    /// After a corrupt record: look for the next record start quietly.
    resync: bool,
    done: bool,
    /// Where the record last started (for an error of the file itself).
    last_offset: u64,
}

impl WarcReader<File> {
    /// Opens a `.warc` or `.warc.gz` file; payloads over `limit` bytes
    /// are refused record by record.
    pub fn open(path: impl AsRef<Path>, limit: usize) -> io::Result<WarcReader<File>> {
        WarcReader::new(File::open(path)?, limit)
    }
}

impl<R: Read> WarcReader<R> {
    /// Reads WARC records from `input`, gzipped or not (the first two
    /// bytes tell).
    pub fn new(mut input: R, limit: usize) -> io::Result<WarcReader<R>> {
        let mut magic = [0u8; 2];
        let n = read_full(&mut input, &mut magic)?;
        let input = io::Cursor::new(magic[..n].to_vec()).chain(input);
        let src = if magic[..n] == [0x1f, 0x8b] {
            Source::Gzip(gzip::Members::new(input))
        } else {
            Source::Plain(Counting {
                inner: input,
                count: 0,
            })
        };
        Ok(WarcReader {
            src: BufReader::with_capacity(64 * 1024, src),
            limit,
            skipped: Skipped::default(),
            resync: false,
            done: false,
            last_offset: 0,
        })
    }

    /// The records skipped so far.
    pub fn skipped(&self) -> Skipped {
        self.skipped
    }

    /// The next page or record error; `Ok(None)` at the end.
    fn read_next(&mut self) -> io::Result<Option<Result<Page, RecordError>>> {
        loop {
            let offset = match self.offset() {
                Ok(o) => o,
                Err(e) => return self.io_failure(None, None, e).map(Some),
            };
            self.last_offset = offset;
            let header = match header::read(&mut self.src) {
                Ok(Ok(Start::End)) => return Ok(None),
                Ok(Ok(Start::Header(h))) => h,
                Ok(Err(_)) if self.resync => continue,
                Ok(Err(message)) => {
                    self.resync = true;
                    return Ok(Some(Err(error(offset, None, message))));
                }
                Err(e) => return self.io_failure(Some(offset), None, e).map(Some),
            };
            self.resync = false;
            if let Some(item) = self.record(offset, header)? {
                return Ok(Some(item));
            }
        }
    }

    /// One record after its header: `None` when it is skipped.
    fn record(
        &mut self,
        offset: u64,
        header: Header,
    ) -> io::Result<Option<Result<Page, RecordError>>> {
        let length = match header.content_length() {
            Ok(n) => n,
            Err(message) => {
                self.resync = true;
                return Ok(Some(Err(error(offset, Some(&header), message))));
            }
        };
        let kind = header
            .get("WARC-Type")
            .unwrap_or_default()
            .to_ascii_lowercase();
        if kind != "response" && kind != "resource" {
            self.skipped.other_type += 1;
            return self.skip_block(offset, &header, length).map(|e| e.map(Err));
        }
        if length > self.limit as u64 {
            let message = format!(
                "record of {length} bytes, over the limit of {} bytes",
                self.limit
            );
            return Ok(Some(match self.skip_block(offset, &header, length)? {
                Some(e) => Err(e),
                None => Err(error(offset, Some(&header), message)),
            }));
        }
        let mut block = Vec::with_capacity(length as usize);
        let read = (&mut self.src).take(length).read_to_end(&mut block);
        if let Err(e) = read {
            return self.io_failure(Some(offset), Some(&header), e).map(Some);
        }
        if (block.len() as u64) < length {
            self.done = true;
            let message = format!(
                "truncated record: the input ends after {} of its {length} bytes",
                block.len()
            );
            return Ok(Some(Err(error(offset, Some(&header), message))));
        }
        match page::from_block(header, kind == "response", block, offset, self.limit) {
            Ok(Some(page)) => Ok(Some(Ok(page))),
            Ok(None) => {
                self.skipped.not_html += 1;
                Ok(None)
            }
            Err(e) => Ok(Some(Err(e))),
        }
    }

    /// Reads past a block that is not wanted.
    fn skip_block(
        &mut self,
        offset: u64,
        header: &Header,
        length: u64,
    ) -> io::Result<Option<RecordError>> {
        match io::copy(&mut (&mut self.src).take(length), &mut io::sink()) {
            Ok(n) if n < length => {
                self.done = true;
                let message =
                    format!("truncated record: the input ends after {n} of its {length} bytes");
                Ok(Some(error(offset, Some(header), message)))
            }
            Ok(_) => Ok(None),
            Err(e) => self
                .io_failure(Some(offset), Some(header), e)
                .map(|r| r.err()),
        }
    }

    /// A read that failed: in a gzip file, the member is corrupt and
    /// reading resumes at the next one; in a plain file, the error is the
    /// file's own and ends the reading.
    /// (`offset` is the record's, when known; else the member's.)
    fn io_failure(
        &mut self,
        offset: Option<u64>,
        header: Option<&Header>,
        e: io::Error,
    ) -> io::Result<Result<Page, RecordError>> {
        let Source::Gzip(members) = self.src.get_mut() else {
            return Err(e);
        };
        let offset = offset.unwrap_or(members.member_start());
        if !members.resync()? {
            self.done = true;
        }
        // The decompressed bytes still buffered belong to the bad member.
        let stale = self.src.buffer().len();
        self.src.consume(stale);
        self.resync = true;
        Ok(Err(error(
            offset,
            header,
            format!("corrupt gzip data: {e}"),
        )))
    }

    /// Where the next record starts: the byte offset in a plain file, the
    /// start of the gzip member holding its first byte in a gzipped one.
    fn offset(&mut self) -> io::Result<u64> {
        // Skip the blank lines between records first, so that the offset
        // is the record's own (and its member is the one opened).
        loop {
            let buf = self.src.fill_buf()?;
            let blank = buf
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
            let all = blank == buf.len();
            self.src.consume(blank);
            if blank == 0 || !all {
                break;
            }
        }
        let buffered = self.src.buffer().len() as u64;
        Ok(match self.src.get_ref() {
            Source::Plain(c) => c.count - buffered,
            Source::Gzip(m) => m.member_start(),
        })
    }
}

/// A record error.
fn error(offset: u64, header: Option<&Header>, message: String) -> RecordError {
    RecordError {
        offset,
        record_id: header.and_then(Header::record_id).map(str::to_string),
        url: header.and_then(Header::target_uri).map(str::to_string),
        message,
    }
}

impl<R: Read> Iterator for WarcReader<R> {
    type Item = Result<Page, RecordError>;

    /// The next HTML page, or the error of a record that could not be
    /// read. An I/O error of the file itself ends the iteration after
    /// being yielded as a record error.
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.read_next() {
            Ok(item) => {
                if item.is_none() {
                    self.done = true;
                }
                item
            }
            Err(e) => {
                self.done = true;
                let message = format!("cannot read the file: {e}");
                Some(Err(error(self.last_offset, None, message)))
            }
        }
    }
}

/// The plain file, counting the bytes read.
struct Counting<R> {
    inner: R,
    count: u64,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count += n as u64;
        Ok(n)
    }
}

impl<R: Read> Read for Source<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Source::Plain(r) => r.read(buf),
            Source::Gzip(r) => r.read(buf),
        }
    }
}

/// Reads until `buf` is full or the input ends; returns the bytes read.
fn read_full(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}
