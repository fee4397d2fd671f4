//! The `newsbody-eval` command line, as clap reads it.

use clap::Parser;
use std::path::PathBuf;

/// Measures newsbody against corpora with ground truth.
///
/// Each PATH is a corpus folder: an appeals corpus (`<case>/input.html` or
/// `input.txt`, `expected.txt`, `meta.json`), a WCEB dataset
/// (`html/<id>.html`, `truth/<id>.txt`), or a folder of WCEB datasets,
/// which is scored per dataset and pooled (`<folder>-pooled`), or a
/// snippet corpus as trafilatura's benchmark lays it out (`evaldata.json`,
/// `html/<file>`), scored as trafilatura scores it.
///
/// Exit status: 0 when every floor was met (or none was given), 1 when a
/// figure fell below its floor, 2 on a usage or I/O error.
#[derive(Debug, Parser)]
#[command(name = "newsbody-eval", version, about, long_about)]
pub struct Args {
    /// Corpus folders.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Threads cleaning documents (default: all cores). `--jobs 1` gives a
    /// one-core throughput figure.
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<usize>,

    /// How many of the worst documents (by F1) to list.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub worst: usize,

    /// Print the report as one JSON object instead of text.
    #[arg(long)]
    pub json: bool,

    /// Check the figures against the floors in FILE (TOML-like sections of
    /// `key = number`) and exit 1 when one is not met.
    #[arg(long, value_name = "FILE")]
    pub floors: Option<PathBuf>,

    /// Print one line per appeals case.
    #[arg(long)]
    pub per_case: bool,

    /// Print every page of a snippet corpus with a missed `with` or a
    /// found `without` snippet, and the snippets.
    #[arg(long)]
    pub misses: bool,

    /// Write each prediction to `DIR/<corpus>/<id>.txt`.
    #[arg(long, value_name = "DIR")]
    pub dump: Option<PathBuf>,

    /// Score each wceb and residue dataset with the scorer held out from
    /// it: `DIR/without-<dataset>.txt` (from `newsbody-train --held-out
    /// DIR`). The figures are then out of sample.
    #[arg(long, value_name = "DIR", conflicts_with = "no_scorer")]
    pub model_dir: Option<PathBuf>,

    /// Clean with the rules alone, without the learned scorer.
    #[arg(long)]
    pub no_scorer: bool,
}
