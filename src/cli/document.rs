//! One document's way through the command: read (bounded), clean (a panic
//! in the library becomes this document's failure, not the run's end), and
//! render as text, JSON, Markdown or the explain view.

use super::args::{Args, Format};
use super::inputs::Job;
use anyhow::{Context, Result, anyhow, bail};
use newsbody::{Cleaned, Cleaner, InputKind};
use std::io::Read;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// What the workers share.
pub struct Setup<'a> {
    /// The command line.
    pub args: &'a Args,
    /// The compiled cleaner.
    pub cleaner: &'a Cleaner,
    /// The cleaner's input limit ([`newsbody::Options::max_input_bytes`]):
    /// an input or a JSON-lines line larger than this is refused before
    /// it is read whole. The cleaner checks the limit itself; this only
    /// keeps the command from reading more than it would accept.
    pub limit: usize,
}

/// The failure of an empty body under `--fail-empty`.
pub const EMPTY_BODY_FAILURE: &str =
    "empty body: nothing in the input was kept as article text (--fail-empty)";

/// A cleaned and rendered document.
pub struct Rendered {
    /// The output, ready to write.
    pub text: String,
    /// The library's warnings (malformed bytes, guessed encoding, ...).
    pub warnings: Vec<String>,
    /// The input's size.
    pub bytes: usize,
    /// Whether the body is empty (a warning says so too).
    pub empty: bool,
}

/// Reads, cleans and renders one document; the error names its path.
pub fn process(setup: &Setup, job: &Job) -> Result<Rendered> {
    let input = read(job, setup.limit)?;
    let mut cleaned = clean_guarded(setup.cleaner, &input).with_context(|| job.display())?;
    let bytes = input.len();
    drop(input); // before rendering makes another copy of the body
    let empty = cleaned.is_empty();
    if empty && setup.args.fail_empty {
        bail!("{}: {EMPTY_BODY_FAILURE}", job.display());
    }
    let text = render(setup.args, job, &mut cleaned)?;
    Ok(Rendered {
        text,
        warnings: cleaned.warnings,
        bytes,
        empty,
    })
}

/// Cleans bytes, turning a panic in the library into an error.
pub fn clean_guarded(cleaner: &Cleaner, bytes: &[u8]) -> Result<Cleaned> {
    guarded(|| cleaner.clean(bytes))
}

/// Cleans a document already in a string (a JSON-lines record) as `kind`
/// says, turning a panic in the library into an error.
pub fn clean_guarded_str(cleaner: &Cleaner, doc: &str, kind: InputKind) -> Result<Cleaned> {
    guarded(|| cleaner.clean_str(doc, kind))
}

/// Runs one cleaning call; a panic in it becomes this document's error.
fn guarded(clean: impl FnOnce() -> Result<Cleaned, newsbody::Error>) -> Result<Cleaned> {
    match catch_unwind(AssertUnwindSafe(clean)) {
        Ok(r) => Ok(r?),
        Err(_) => Err(anyhow!(
            "internal error while cleaning (a bug: please report it)"
        )),
    }
}

/// Reads a whole input, refusing an empty one and one over `limit` bytes
/// (checked before reading when the size is known).
fn read(job: &Job, limit: usize) -> Result<Vec<u8>> {
    let name = job.display();
    let mut buf = Vec::new();
    match &job.path {
        None => {
            std::io::stdin()
                .lock()
                .take(limit as u64 + 1)
                .read_to_end(&mut buf)
                .with_context(|| format!("{name}: cannot read"))?;
        }
        Some(p) => {
            let file = std::fs::File::open(p).with_context(|| format!("{name}: cannot read"))?;
            let meta = file
                .metadata()
                .with_context(|| format!("{name}: cannot read"))?;
            if meta.is_dir() {
                bail!("{name}: cannot read: is a folder");
            }
            if meta.len() > limit as u64 {
                bail!(
                    "{name}: {} bytes, over the limit of {limit} bytes",
                    meta.len()
                );
            }
            file.take(limit as u64 + 1)
                .read_to_end(&mut buf)
                .with_context(|| format!("{name}: cannot read"))?;
        }
    }
    if buf.len() > limit {
        bail!("{name}: over the limit of {limit} bytes");
    }
    if buf.is_empty() {
        bail!("{name}: empty input, nothing to clean");
    }
    Ok(buf)
}

/// The output for one document in the chosen format (text output takes
/// the body out of `c` rather than copying it). Colour only for the
/// explain view on a terminal stdout (see `--color`).
fn render(args: &Args, job: &Job, c: &mut Cleaned) -> Result<String> {
    use std::io::IsTerminal;
    let source = job.display();
    Ok(match (args.explain, args.format) {
        (true, Format::Json) => serde_json::to_string(&c.to_explain_json(Some(&source)))? + "\n",
        (true, Format::Text)
            if args.output_dir.is_none() && args.color.enabled(std::io::stdout().is_terminal()) =>
        {
            c.explain_colored()
        }
        (true, Format::Text | Format::Markdown) => c.explain(),
        (false, Format::Text) => std::mem::take(&mut c.body),
        (false, Format::Markdown) => c.to_markdown(),
        (false, Format::Json) => c.to_json_line(Some(&source)),
    })
}
