//! The command line, as clap reads it.

use clap::{Parser, ValueEnum};
use std::path::PathBuf;

/// Removes publisher appeals and boilerplate from saved news pages and
/// extracted article text, and prints the clean body.
///
/// INPUT is a file, a folder (walked recursively for .html, .htm and .txt
/// files) or `-` for standard input; with no INPUT, standard input is read
/// (on a terminal, a usage hint is printed instead).
/// One input prints its body to standard output. Several inputs without
/// --output-dir print each body after a `==> PATH <==` header (text) or as
/// one JSON object per line (json).
///
/// With --output-dir, documents are cleaned in parallel and each output is
/// written atomically. With --jsonl, each input is a stream of JSON
/// records (`{"id": .., "html"|"text": ..}` one per line) and one record
/// per line comes out, in input order.
///
/// Exit status: 0 when every input was cleaned, 1 when some input or
/// record failed (each named on stderr or in an error record), 2 on a
/// usage error or when the run itself could not go on (an output folder
/// that cannot be created, standard output that cannot be written).
#[derive(Debug, Parser)]
#[command(name = "newsbody", version, about, long_about)]
pub struct Args {
    /// Files, folders, or `-` for standard input.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Write one output per input into DIR, mirroring input names
    /// (`x/page.html` becomes `DIR/page.txt`; files found in a folder keep
    /// their path relative to it).
    #[arg(short = 'o', long, value_name = "DIR")]
    pub output_dir: Option<PathBuf>,

    /// Output format (`markdown` not with --explain or --jsonl).
    #[arg(short = 'f', long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// What the input is; `auto` sniffs it.
    #[arg(long = "input", value_enum, default_value_t = InputArg::Auto)]
    pub input_kind: InputArg,

    /// Print every block with `keep` or `drop KIND RULE` and the evidence,
    /// instead of the body (with --format json: the JSON object with a
    /// `blocks` array).
    #[arg(long)]
    pub explain: bool,

    /// Colour the explain view: `auto` (only a terminal, and not when
    /// NO_COLOR is set), `always` or `never`.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = super::color::ColorChoice::Auto)]
    pub color: super::color::ColorChoice,

    /// Add the rules in FILE (format of `rules/`; may be repeated).
    #[arg(long = "rules", value_name = "FILE")]
    pub rules: Vec<PathBuf>,

    /// Clean N documents at a time (default: one per core).
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Read JSON lines: one object per line with an `id` and an `html` or
    /// `text` field; write one object per line with `title`, `body`,
    /// `removed` and `warnings` in place of `html`/`text`, other fields
    /// unchanged, in input order. A bad line gives `{"line": N, "error": ..}`.
    #[arg(long, conflicts_with_all = ["output_dir", "explain"])]
    pub jsonl: bool,

    /// Read web archives: each INPUT is a .warc or .warc.gz file; write one
    /// JSON line per HTML page (`warc_record_id`, `url`, `date`, then the
    /// fields of --jsonl output), in file order. Pages are cleaned as HTML,
    /// as their Content-Type says (`--input auto` does not sniff them;
    /// `--input text` reads them as text). Other records are skipped
    /// and counted; a record that cannot be read gives
    /// `{"offset": N, "error": ..}` and the stream goes on.
    #[arg(long, conflicts_with_all = ["output_dir", "explain", "jsonl"])]
    pub warc: bool,

    /// Count an empty body (nothing kept) as a failure (exit 1) instead
    /// of a warning; no output is written for it.
    #[arg(long)]
    pub fail_empty: bool,

    /// Print the summary line (documents, failures, MB, MB/s) on stderr
    /// even for a single input; it is always printed for several.
    #[arg(long)]
    pub stats: bool,

    /// Flush each output to the disk before renaming it into place (slower;
    /// survives a power loss, not just a killed or failed run).
    #[arg(long, requires = "output_dir")]
    pub fsync: bool,

    /// Follow symbolic links while walking folders (they are skipped by
    /// default; links named on the command line are always followed).
    #[arg(short = 'L', long)]
    pub follow: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The clean body as plain text.
    Text,
    /// The JSON object of schema/newsbody-output-v1.json: schema, source,
    /// title, metadata, body, removed, warnings.
    Json,
    /// The body as Markdown (CommonMark with tables): headings, lists,
    /// quotes, tables, code and emphasis from the page; text escaped.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputArg {
    Auto,
    Html,
    Text,
}

impl From<InputArg> for newsbody::InputKind {
    fn from(a: InputArg) -> Self {
        match a {
            InputArg::Auto => newsbody::InputKind::Auto,
            InputArg::Html => newsbody::InputKind::Html,
            InputArg::Text => newsbody::InputKind::Text,
        }
    }
}
