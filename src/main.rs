//! The `decruft` command: a thin layer over the library. It reads inputs,
//! cleans them, and writes bodies to stdout or to an output folder, with
//! the exit codes of the contract (0 all cleaned, 1 some failed, 2 usage).

mod cli {
    pub mod args;
    pub mod color;
    pub mod inputs;
    pub mod write;
}

use anyhow::{Context, Result};
use clap::Parser;
use cli::args::{Args, Format};
use cli::inputs::Job;
use decruft::{Cleaned, Cleaner, Options};
use std::io::{Read, Write};
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
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("decruft: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Runs the command; `Ok(false)` when some input failed.
fn run(args: &Args) -> Result<bool> {
    let mut extra = Vec::new();
    for f in &args.rules {
        let text = std::fs::read_to_string(f)
            .with_context(|| format!("{}: cannot read rules", f.display()))?;
        extra.push((f.display().to_string(), text));
    }
    let options = Options {
        input: args.input_kind.into(),
        extra_rules: extra,
        ..Options::default()
    };
    let cleaner = Cleaner::new(options)?;
    let inputs = if args.inputs.is_empty() {
        vec!["-".into()]
    } else {
        args.inputs.clone()
    };
    let jobs = cli::inputs::expand(&inputs)?;
    if jobs.iter().filter(|j| j.path.is_none()).count() > 1 {
        anyhow::bail!("standard input can be read only once");
    }
    match &args.output_dir {
        Some(dir) => to_folder(args, &cleaner, &jobs, dir),
        None => to_stdout(args, &cleaner, &jobs),
    }
}

fn read(job: &Job) -> Result<Vec<u8>> {
    match &job.path {
        None => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .context("<stdin>: cannot read")?;
            Ok(buf)
        }
        Some(p) => std::fs::read(p).with_context(|| format!("{}: cannot read", p.display())),
    }
}

fn clean(cleaner: &Cleaner, job: &Job) -> Result<Cleaned> {
    let bytes = read(job)?;
    cleaner.clean(&bytes).with_context(|| job.display())
}

fn render(args: &Args, job: &Job, c: &Cleaned) -> Result<String> {
    let source = job.display();
    Ok(match (args.explain, args.format) {
        (true, Format::Json) => serde_json::to_string(&c.to_explain_json(Some(&source)))? + "\n",
        (true, Format::Text) if color(args) => c.explain_colored(),
        (true, Format::Text) => c.explain(),
        (false, Format::Text) => c.body.clone(),
        (false, Format::Json) => c.to_json_line(Some(&source)),
    })
}

/// Colour only on standard output, as `--color` and the terminal say.
fn color(args: &Args) -> bool {
    use std::io::IsTerminal;
    args.output_dir.is_none() && args.color.enabled(std::io::stdout().is_terminal())
}

fn to_stdout(args: &Args, cleaner: &Cleaner, jobs: &[Job]) -> Result<bool> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut ok = true;
    let many = jobs.len() > 1;
    for job in jobs {
        match clean(cleaner, job).and_then(|c| Ok((render(args, job, &c)?, c))) {
            Ok((text, c)) => {
                for w in &c.warnings {
                    eprintln!("decruft: {}: warning: {w}", job.display());
                }
                if many && args.format == Format::Text {
                    writeln!(out, "==> {} <==", job.display())?;
                }
                out.write_all(text.as_bytes())?;
                if many && args.format == Format::Text && !text.ends_with('\n') {
                    writeln!(out)?;
                }
            }
            Err(e) => {
                eprintln!("decruft: {e:#}");
                ok = false;
            }
        }
    }
    out.flush()?;
    Ok(ok)
}

fn to_folder(args: &Args, cleaner: &Cleaner, jobs: &[Job], dir: &std::path::Path) -> Result<bool> {
    let ext = match (args.explain, args.format) {
        (true, Format::Text) => "explain.txt",
        (true, Format::Json) => "explain.json",
        (false, Format::Text) => "txt",
        (false, Format::Json) => "json",
    };
    let outs = cli::inputs::output_paths(jobs, dir, ext)?;
    let mut ok = true;
    for (job, path) in jobs.iter().zip(&outs) {
        let result = clean(cleaner, job)
            .and_then(|c| render(args, job, &c))
            .and_then(|text| cli::write::atomic_write(path, text.as_bytes()));
        if let Err(e) = result {
            eprintln!("decruft: {e:#}");
            ok = false;
        }
    }
    Ok(ok)
}
