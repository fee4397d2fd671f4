//! `newsbody-eval`: runs the cleaner over corpora with ground truth and
//! prints, per corpus, token-shingle F1/P/R, line scores for appeal
//! corpora, the worst documents and throughput; with `--floors`, fails when
//! a figure is below its floor (the CI quality gate).
//!
//! The metric itself lives in the library (`newsbody::eval`, behind the
//! `eval` feature, which this binary requires); this binary finds the
//! documents (`corpus`), cleans and scores them in parallel (`run`), sums
//! the scores up (`summary`), prints them (`print`) and checks the floors
//! (`floors`); `snippets` reads and scores corpora laid out as
//! trafilatura's benchmark.

#[path = "newsbody_eval/args.rs"]
mod args;
#[path = "newsbody_eval/corpus.rs"]
mod corpus;
#[path = "newsbody_eval/floors.rs"]
mod floors;
#[path = "newsbody_eval/models.rs"]
mod models;
#[path = "newsbody_eval/print.rs"]
mod print;
#[path = "newsbody_eval/residue.rs"]
mod residue;
#[path = "newsbody_eval/run.rs"]
mod run;
#[path = "newsbody_eval/snippets.rs"]
mod snippets;
#[path = "newsbody_eval/summary.rs"]
mod summary;

use anyhow::{Context, Result};
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = match args::Args::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match evaluate(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("newsbody-eval: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Runs the evaluation; `Ok(false)` when a floor was not met.
fn evaluate(args: &args::Args) -> Result<bool> {
    let floors = match &args.floors {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("{}: cannot read floors", path.display()))?;
            floors::parse(&text).with_context(|| format!("{}", path.display()))?
        }
        None => Vec::new(),
    };
    let plan = corpus::discover(&args.paths)?;
    let models = models::Models::new(&plan, args.model_dir.as_deref(), args.no_scorer)?;
    let run = run::run(&plan, args.jobs, args.dump.as_deref(), &models)?;
    let report = summary::summarize(&plan, &run, args.worst);
    let gate = floors::check(&floors, &report);
    if args.json {
        print::json(&report, &gate)?;
    } else {
        print::text(&report, &gate, args.per_case, args.misses);
    }
    Ok(gate.failures.is_empty())
}
