//! The JSON-lines streaming loop (`--jsonl`), for engines that pipe
//! records through a program (GNU parallel `--pipe`, Spark `RDD.pipe`,
//! Hadoop streaming). The record format itself is the library's
//! (`newsbody::jsonl`).
//!
//! Each input line is one object with an `id` and an `html` or `text`
//! field. Each output line is the same object, its other fields unchanged
//! (their exact bytes, in their order), the `html`/`text` field replaced by
//! `title`, `body`, `removed` and `warnings`. A line that cannot be cleaned
//! gives `{"line": N, "id": .., "error": ".."}` (with `source` when read
//! from a file) and the stream goes on. Whitespace-only lines are skipped.
//!
//! Memory is bounded independently of the number of records: lines are
//! read a chunk at a time (at most [`CHUNK_LINES_PER_THREAD`] per thread and
//! [`CHUNK_BYTES`]), cleaned in parallel, written in order, and dropped.

use super::document::{EMPTY_BODY_FAILURE, Setup, clean_guarded_str};
use super::progress::Reporter;
use anyhow::{Context, Result, anyhow};
use newsbody::jsonl::{Record, RecordError, error_line};
use rayon::prelude::*;
use std::io::{BufRead, Write};
use std::path::Path;

/// Lines read per round, per worker thread.
pub const CHUNK_LINES_PER_THREAD: usize = 64;
/// A round stops reading once its lines hold this many bytes.
pub const CHUNK_BYTES: usize = 16 << 20;

/// Streams every input (`-` is standard input) to standard output.
pub fn run(setup: &Setup, inputs: &[&Path], reporter: &Reporter) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    for input in inputs {
        let (name, source) = if input.as_os_str() == "-" {
            ("<stdin>".to_string(), None)
        } else {
            let n = input.display().to_string();
            (n.clone(), Some(n))
        };
        let reader: Box<dyn BufRead> = match source {
            None => Box::new(std::io::stdin().lock()),
            Some(_) => match std::fs::File::open(input) {
                Ok(f) => Box::new(std::io::BufReader::with_capacity(1 << 16, f)),
                Err(e) => {
                    reporter.failed(&anyhow!(e).context(format!("{name}: cannot read")));
                    continue;
                }
            },
        };
        let stream = Stream {
            name: &name,
            source: source.as_deref(),
        };
        if let Err(e) = stream.pump(setup, reader, &mut out, reporter)? {
            reporter.failed(&e);
        }
    }
    out.flush().context("cannot write to standard output")
}

/// One input stream.
struct Stream<'a> {
    name: &'a str,
    source: Option<&'a str>,
}

/// A line read: its 1-based number and its bytes, or `None` when it was
/// longer than the limit (its bytes are skipped, not kept).
type Line = (usize, Option<Vec<u8>>);

impl Stream<'_> {
    /// Reads, cleans and writes the stream chunk by chunk. The outer error
    /// is fatal (standard output); the inner one is a read error of this
    /// input, which ends this input only.
    fn pump(
        &self,
        setup: &Setup,
        mut reader: Box<dyn BufRead>,
        out: &mut impl Write,
        reporter: &Reporter,
    ) -> Result<Result<()>> {
        let max_lines = rayon::current_num_threads() * CHUNK_LINES_PER_THREAD;
        let mut line_no = 0;
        loop {
            let (lines, read_error) = read_chunk(&mut reader, &mut line_no, max_lines, setup.limit);
            let results: Vec<Result<Cleaned, Failed>> = lines
                .into_par_iter()
                .map(|(n, bytes)| self.record(setup, n, bytes.as_deref()))
                .collect();
            let done = results.is_empty();
            for result in results {
                let line = match result {
                    Ok(c) => {
                        reporter.cleaned(self.name, c.size, c.empty, &[]);
                        c.line
                    }
                    Err(f) => {
                        reporter.failed(&anyhow!("{}: line {}: {}", self.name, f.line, f.message));
                        f.record
                    }
                };
                writeln!(out, "{line}").context("cannot write to standard output")?;
            }
            out.flush().context("cannot write to standard output")?;
            if let Some(e) = read_error {
                return Ok(Err(
                    anyhow!(e).context(format!("{}: cannot read", self.name))
                ));
            }
            if done {
                return Ok(Ok(()));
            }
        }
    }

    /// The output line for input line `n`, or the failure (an empty body
    /// is one under `--fail-empty`).
    fn record(&self, setup: &Setup, n: usize, line: Option<&[u8]>) -> Result<Cleaned, Failed> {
        let fail = |error: RecordError| Failed {
            record: error_line(n, self.source, &error),
            line: n,
            message: error.message,
        };
        let Some(line) = line else {
            return Err(fail(RecordError {
                id: None,
                message: format!("line over the limit of {} bytes", setup.limit),
            }));
        };
        let record = Record::parse(line).map_err(fail)?;
        let (doc, kind) = record.document().map_err(fail)?;
        let cleaned = clean_guarded_str(setup.cleaner, &doc, kind)
            .map_err(|e| fail(record.error(&format!("{e:#}"))))?;
        let empty = cleaned.is_empty();
        if empty && setup.args.fail_empty {
            return Err(fail(record.error(EMPTY_BODY_FAILURE)));
        }
        Ok(Cleaned {
            line: record.render(&cleaned),
            size: doc.len(),
            empty,
        })
    }
}

/// A record cleaned: its output line, the document's size, and whether
/// its body is empty.
struct Cleaned {
    line: String,
    size: usize,
    empty: bool,
}

/// A line that could not be cleaned.
struct Failed {
    /// The error record to write in its place.
    record: String,
    line: usize,
    message: String,
}

/// Reads up to `max_lines` non-blank lines or [`CHUNK_BYTES`], whichever
/// comes first. A read error ends the chunk and is returned beside it.
fn read_chunk(
    reader: &mut dyn BufRead,
    line_no: &mut usize,
    max_lines: usize,
    limit: usize,
) -> (Vec<Line>, Option<std::io::Error>) {
    let mut lines = Vec::new();
    let mut bytes = 0;
    while lines.len() < max_lines && bytes < CHUNK_BYTES {
        let mut buf = Vec::new();
        match read_line(reader, &mut buf, limit) {
            Ok(None) => break,
            Ok(Some(too_long)) => {
                *line_no += 1;
                if too_long {
                    lines.push((*line_no, None));
                } else if !buf.iter().all(u8::is_ascii_whitespace) {
                    bytes += buf.len();
                    lines.push((*line_no, Some(buf)));
                }
            }
            Err(e) => return (lines, Some(e)),
        }
    }
    (lines, None)
}

/// Reads one line without its `\n` (or `\r\n`) into `buf`, keeping at most
/// `limit` bytes: `Ok(None)` at the end, `Ok(Some(true))` when the line was
/// longer (and `buf` is left empty).
fn read_line(
    r: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<Option<bool>> {
    let (mut any, mut too_long) = (false, false);
    loop {
        let avail = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok(any.then_some(too_long));
        }
        any = true;
        let newline = avail.iter().position(|&b| b == b'\n');
        let part = &avail[..newline.unwrap_or(avail.len())];
        if !too_long && buf.len() + part.len() > limit {
            too_long = true;
            *buf = Vec::new();
        } else if !too_long {
            buf.extend_from_slice(part);
        }
        let used = newline.map_or(avail.len(), |i| i + 1);
        r.consume(used);
        if newline.is_some() {
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
            return Ok(Some(too_long));
        }
    }
}
