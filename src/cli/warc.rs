//! The WARC mode: web archive files in, one JSON line per HTML page out.
//!
//! Each input is read by one thread, a chunk of records at a time (at most
//! [`CHUNK_PAGES_PER_THREAD`] pages per worker thread, or [`CHUNK_BYTES`]),
//! while the worker threads clean the chunk read before it; lines are
//! written in the file's order. The reader hands a chunk over only when
//! the workers take it, so at most two chunks are held at once, and memory
//! does not grow with the file. A record that cannot be read or
//! cleaned gives an error line and the stream goes on; records that are
//! not HTML pages are skipped and counted on stderr.

use super::document::{EMPTY_BODY_FAILURE, Setup};
use super::progress::Reporter;
use anyhow::{Context, Result, anyhow};
use newsbody::warc::{Page, RecordError, Skipped, WarcReader, error_line, page_line};
use rayon::prelude::*;
use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::mpsc;

/// Pages read per round, per worker thread.
pub const CHUNK_PAGES_PER_THREAD: usize = 64;
/// A round stops reading once its pages hold this many bytes: small
/// enough that memory is the same for a hundred pages as for millions
/// (about 60 news pages fill it), large enough to keep the workers busy.
pub const CHUNK_BYTES: usize = 4 << 20;

type Item = Result<Page, RecordError>;

/// Streams the pages of every input file to standard output.
pub fn run(setup: &Setup, inputs: &[&Path], reporter: &Reporter) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    for input in inputs {
        let name = input.display().to_string();
        let reader = match WarcReader::open(input, setup.limit) {
            Ok(r) => r,
            Err(e) => {
                reporter.failed(&anyhow!(e).context(format!("{name}: cannot read")));
                continue;
            }
        };
        let skipped = pump(setup, reader, &name, &mut out, reporter)?;
        if skipped.total() > 0 {
            reporter.say(&format!(
                "{name}: {} record(s) skipped: {} not a response or resource, {} not HTML",
                skipped.total(),
                skipped.other_type,
                skipped.not_html
            ));
        }
    }
    out.flush().context("cannot write to standard output")
}

/// Reads `reader` on its own thread and cleans its chunks as they come.
/// The error is fatal (standard output).
fn pump(
    setup: &Setup,
    mut reader: WarcReader<std::fs::File>,
    name: &str,
    out: &mut impl Write,
    reporter: &Reporter,
) -> Result<Skipped> {
    let max_pages = rayon::current_num_threads() * CHUNK_PAGES_PER_THREAD;
    // A rendezvous channel: the next chunk waits in the reader's hands.
    let (send, chunks) = mpsc::sync_channel::<Vec<Item>>(0);
    std::thread::scope(|scope| {
        let reading = scope.spawn(move || {
            loop {
                let chunk = read_chunk(&mut reader, max_pages);
                if chunk.is_empty() || send.send(chunk).is_err() {
                    return reader.skipped();
                }
            }
        });
        for chunk in chunks.iter() {
            let lines: Vec<(String, Result<Done, String>)> = chunk
                .into_par_iter()
                .map(|item| line(setup, name, item))
                .collect();
            for (line, outcome) in lines {
                match outcome {
                    Ok(done) => reporter.cleaned(name, done.size, done.empty, &[]),
                    Err(message) => reporter.failed(&anyhow!("{name}: {message}")),
                }
                writeln!(out, "{line}").context("cannot write to standard output")?;
            }
            out.flush().context("cannot write to standard output")?;
        }
        reading
            .join()
            .map_err(|_| anyhow!("internal error while reading {name} (a bug: please report it)"))
    })
}

/// Up to `max_pages` items or [`CHUNK_BYTES`] of pages.
fn read_chunk(reader: &mut WarcReader<std::fs::File>, max_pages: usize) -> Vec<Item> {
    let mut chunk = Vec::new();
    let mut bytes = 0;
    while chunk.len() < max_pages && bytes < CHUNK_BYTES {
        let Some(item) = reader.next() else { break };
        if let Ok(page) = &item {
            bytes += page.content.len();
        }
        chunk.push(item);
    }
    chunk
}

/// A page cleaned: its size, and whether its body is empty.
struct Done {
    size: usize,
    empty: bool,
}

/// The output line of one item, and the page cleaned or the failure (an
/// empty body is one under `--fail-empty`).
fn line(setup: &Setup, name: &str, item: Item) -> (String, Result<Done, String>) {
    let page = match item {
        Ok(page) => page,
        Err(e) => return (error_line(Some(name), &e), Err(e.to_string())),
    };
    let cleaned = catch_unwind(AssertUnwindSafe(|| page.clean(setup.cleaner)));
    let message = match cleaned {
        Ok(Ok(cleaned)) if cleaned.is_empty() && setup.args.fail_empty => {
            EMPTY_BODY_FAILURE.to_string()
        }
        Ok(Ok(cleaned)) => {
            let done = Done {
                size: page.content.len(),
                empty: cleaned.is_empty(),
            };
            return (page_line(&page, &cleaned), Ok(done));
        }
        Ok(Err(e)) => e.to_string(),
        Err(_) => "internal error while cleaning (a bug: please report it)".to_string(),
    };
    let error = RecordError {
        offset: page.offset,
        record_id: page.record_id.clone(),
        url: page.url.clone(),
        message,
    };
    (error_line(Some(name), &error), Err(error.to_string()))
}
