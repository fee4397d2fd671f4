//! Cleaning many documents in parallel, to standard output or to an output
//! folder.
//!
//! To standard output, documents are cleaned a chunk at a time and written
//! in input order, so memory stays bounded by the chunk, not the run. To a
//! folder, every document is cleaned and written on its own (atomically);
//! order does not matter. Either way one failing document is reported and
//! the others go on; only a failure to write standard output, or to create
//! the output folder, ends the run.

use super::args::Format;
use super::document::{Rendered, Setup, process};
use super::inputs::Job;
use super::progress::Reporter;
use super::write::atomic_write;
use anyhow::{Context, Result};
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Documents cleaned per parallel round when writing to standard output,
/// per worker thread.
const CHUNK_PER_THREAD: usize = 4;

/// Cleans `jobs` in parallel and writes them to standard output in order:
/// a lone body as is, several each after a `==> PATH <==` header (text and
/// explain) or as one JSON object per line.
pub fn to_stdout(setup: &Setup, jobs: &[Job], many: bool, reporter: &Reporter) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let chunk = rayon::current_num_threads() * CHUNK_PER_THREAD;
    for group in jobs.chunks(chunk.max(1)) {
        let results: Vec<Result<Rendered>> =
            group.par_iter().map(|job| process(setup, job)).collect();
        for (job, result) in group.iter().zip(results) {
            match result {
                Ok(r) => {
                    reporter.cleaned(&job.display(), r.bytes, r.empty, &r.warnings);
                    write_one(&mut out, setup, job, &r.text, many)
                        .context("cannot write to standard output")?;
                }
                Err(e) => reporter.failed(&e),
            }
        }
        // Flush each round, so a reader sees results as they come.
        out.flush().context("cannot write to standard output")?;
    }
    Ok(())
}

fn write_one(
    out: &mut impl Write,
    setup: &Setup,
    job: &Job,
    text: &str,
    many: bool,
) -> std::io::Result<()> {
    let plain = setup.args.format != Format::Json || setup.args.explain;
    if many && plain {
        writeln!(out, "==> {} <==", job.display())?;
    }
    out.write_all(text.as_bytes())?;
    if many && plain && !text.is_empty() && !text.ends_with('\n') {
        writeln!(out)?;
    }
    Ok(())
}

/// Creates `dir`, then cleans every job in parallel and writes each to its
/// output path atomically. With no job, nothing is created.
pub fn to_folder(
    setup: &Setup,
    jobs: &[Job],
    outs: &[PathBuf],
    dir: &Path,
    reporter: &Reporter,
) -> Result<()> {
    if jobs.is_empty() {
        return Ok(());
    }
    std::fs::create_dir_all(dir)
        .with_context(|| format!("{}: cannot create output folder", dir.display()))?;
    jobs.par_iter().zip(outs).for_each(|(job, out)| {
        let result = process(setup, job).and_then(|r| {
            atomic_write(out, r.text.as_bytes(), setup.args.fsync)?;
            Ok(r)
        });
        match result {
            Ok(r) => reporter.cleaned(&job.display(), r.bytes, r.empty, &r.warnings),
            Err(e) => reporter.failed(&e),
        }
    });
    Ok(())
}
