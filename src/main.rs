//! The `newsbody` command: a thin layer over the library. It reads inputs,
//! cleans them (in parallel when there are several), and writes bodies to
//! standard output, to an output folder, or as JSON lines.
//!
//! Exit codes are a contract, tested in `tests/cli.rs`: 0 when every input
//! was cleaned, 1 when some input or record failed (each named on stderr),
//! 2 on a usage error or when the run could not go on (an unusable output
//! folder, unwritable standard output). A closed standard output (`newsbody
//! x | head`) ends the run quietly with 0: the reader has what it wanted.

mod cli {
    pub mod args;
    pub mod batch;
    pub mod color;
    pub mod document;
    pub mod inputs;
    pub mod jsonl_stream;
    pub mod progress;
    pub mod warc;
    pub mod write;
}

use anyhow::{Context, Result, bail};
use clap::Parser;
use cli::args::{Args, Format};
use cli::document::Setup;
use cli::progress::Reporter;
use newsbody::{Cleaner, InputKind, Options};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    if args.inputs.is_empty() && std::io::stdin().is_terminal() {
        let _ = std::io::stderr().write_all(USAGE_HINT.as_bytes());
        return ExitCode::from(2);
    }
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "newsbody: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// What a bare `newsbody` on a terminal prints, rather than waiting for
/// standard input that nobody is typing.
const USAGE_HINT: &str = "\
newsbody: no INPUT, and standard input is a terminal
usage: newsbody [OPTIONS] [INPUT]...
  newsbody page.html              clean a saved page (or article.txt)
  newsbody -o clean/ pages/       clean a folder into another
  cat article.txt | newsbody -    clean standard input
  newsbody --help                 every option
";

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Runs the command; `Ok(false)` when some input failed, `Err` when the
/// run could not go on.
fn run(args: &Args) -> Result<bool> {
    if args.format == Format::Markdown && (args.explain || args.jsonl || args.warc) {
        bail!("--format markdown is for bodies: not with --explain, --jsonl or --warc");
    }
    if args.warc && (args.inputs.is_empty() || args.inputs.iter().any(|p| p.as_os_str() == "-")) {
        bail!("--warc reads files: name one or more .warc or .warc.gz files");
    }
    let cleaner = build_cleaner(args)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.map_or(0, usize::from))
        .build()
        .context("cannot start worker threads")?;
    let setup = Setup {
        args,
        cleaner: &cleaner,
        limit: cleaner.options().max_input_bytes,
    };
    let inputs = if args.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs.clone()
    };
    if inputs.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        bail!("standard input (`-`) can be read only once");
    }
    pool.install(|| {
        if args.jsonl {
            run_jsonl(&setup, &inputs)
        } else if args.warc {
            run_warc(&setup, &inputs)
        } else {
            run_documents(&setup, &inputs)
        }
    })
}

fn build_cleaner(args: &Args) -> Result<Cleaner> {
    let mut extra = Vec::new();
    for f in &args.rules {
        let text = std::fs::read_to_string(f)
            .with_context(|| format!("{}: cannot read rules", f.display()))?;
        extra.push((f.display().to_string(), text));
    }
    let input = match (args.warc, args.input_kind.into()) {
        // A WARC record's Content-Type already says the page is HTML.
        (true, InputKind::Auto) => InputKind::Html,
        (_, kind) => kind,
    };
    let options = Options {
        input,
        extra_rules: extra,
        ..Options::default()
    };
    Ok(Cleaner::new(options)?)
}

/// Files and folders: to standard output, or to an output folder.
fn run_documents(setup: &Setup, inputs: &[PathBuf]) -> Result<bool> {
    let args = setup.args;
    let exp = cli::inputs::expand(inputs, args.follow);
    let total = exp.jobs.len() + exp.failures.len();
    let reporter = Reporter::new(Some(total));
    for f in &exp.failures {
        reporter.failed(f);
    }
    for folder in &exp.empty_folders {
        reporter.say(&format!(
            "{}: warning: no .html, .htm or .txt file in this folder",
            folder.display()
        ));
    }
    if exp.jobs.is_empty() && exp.failures.is_empty() {
        reporter.say(match &args.output_dir {
            Some(_) => "nothing to clean; no output folder was written",
            None => "nothing to clean",
        });
    }
    let result = match &args.output_dir {
        Some(dir) => cli::inputs::output_paths(&exp, dir, output_extension(args))
            .and_then(|outs| cli::batch::to_folder(setup, &exp.jobs, &outs, dir, &reporter)),
        None => cli::batch::to_stdout(setup, &exp.jobs, total > 1, &reporter),
    };
    reporter.finish(result.is_ok() && (args.stats || total > 1));
    result.map(|()| reporter.all_ok())
}

fn output_extension(args: &Args) -> &'static str {
    match (args.explain, args.format) {
        (true, Format::Text | Format::Markdown) => "explain.txt",
        (true, Format::Json) => "explain.json",
        (false, Format::Text) => "txt",
        (false, Format::Json) => "json",
        (false, Format::Markdown) => "md",
    }
}

/// JSON lines from standard input or files, to standard output.
fn run_jsonl(setup: &Setup, inputs: &[PathBuf]) -> Result<bool> {
    let reporter = Reporter::new(None);
    let paths: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    let result = cli::jsonl_stream::run(setup, &paths, &reporter);
    reporter.finish(result.is_ok() && setup.args.stats);
    result.map(|()| reporter.all_ok())
}

/// The HTML pages of WARC files, as JSON lines to standard output.
fn run_warc(setup: &Setup, inputs: &[PathBuf]) -> Result<bool> {
    let reporter = Reporter::new(None);
    let paths: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    let result = cli::warc::run(setup, &paths, &reporter);
    reporter.finish(result.is_ok() && setup.args.stats);
    result.map(|()| reporter.all_ok())
}
