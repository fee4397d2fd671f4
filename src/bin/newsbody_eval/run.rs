//! Cleans and scores every document, in parallel on a pool of `--jobs`
//! threads, timing the cleaning of each document apart from reading and
//! scoring it.

use crate::corpus::{Corpus, Doc, Layout, Plan};
use crate::models::{Cleaners, Models};
use anyhow::{Context, Result};
use newsbody::eval::lines::{self, Boilerplate, LineScore};
use newsbody::eval::metric::{self, DocScore};
use rayon::prelude::*;
use std::path::Path;
use std::time::Instant;

/// One document's result.
#[derive(Debug)]
pub struct Outcome {
    /// Indices into the plan's corpora and that corpus's docs.
    pub corpus: usize,
    pub doc: usize,
    pub score: DocScore,
    /// Residue corpora only: the input scored as given, before cleaning.
    pub given: Option<DocScore>,
    /// Appeal corpora only.
    pub lines: Option<LineScore>,
    /// Appeal corpora, plain-text inputs only.
    pub boilerplate: Option<Boilerplate>,
    /// Snippet corpora only.
    pub snippets: Option<crate::snippets::Count>,
    /// Seconds spent in `Cleaner::clean`.
    pub clean_secs: f64,
    pub bytes: u64,
    /// Why the cleaner refused the document (scored as an empty prediction).
    pub refused: Option<String>,
}

/// All results, in plan order, with the run's wall time.
#[derive(Debug)]
pub struct Run {
    pub outcomes: Vec<Outcome>,
    pub wall_secs: f64,
    pub threads: usize,
    /// Documents that could not be read or cleaned.
    pub warnings: Vec<String>,
}

/// Cleans and scores every document of the plan.
pub fn run(plan: &Plan, jobs: Option<usize>, dump: Option<&Path>, models: &Models) -> Result<Run> {
    if let Some(dir) = dump {
        for c in &plan.corpora {
            let d = dir.join(&c.name);
            std::fs::create_dir_all(&d).with_context(|| format!("{}", d.display()))?;
        }
    }
    let threads =
        jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    let work: Vec<(usize, usize)> = (plan.corpora.iter().enumerate())
        .flat_map(|(ci, c)| (0..c.docs.len()).map(move |di| (ci, di)))
        .collect();
    let start = Instant::now();
    let results: Vec<Result<Outcome, String>> = pool.install(|| {
        work.par_iter()
            .map(|&(ci, di)| {
                let corpus = &plan.corpora[ci];
                evaluate(corpus, ci, di, models.get(corpus), dump)
            })
            .collect()
    });
    let wall_secs = start.elapsed().as_secs_f64();
    let (mut outcomes, mut warnings) = (Vec::new(), Vec::new());
    for r in results {
        match r {
            Ok(o) => {
                warnings.extend(o.refused.clone());
                outcomes.push(o);
            }
            Err(w) => warnings.push(w),
        }
    }
    Ok(Run {
        outcomes,
        wall_secs,
        threads: pool.current_num_threads(),
        warnings,
    })
}

/// Cleans and scores one document; `Err` names a document left out.
fn evaluate(
    corpus: &Corpus,
    ci: usize,
    di: usize,
    cleaners: &Cleaners,
    dump: Option<&Path>,
) -> Result<Outcome, String> {
    let doc = &corpus.docs[di];
    let name = format!("{}/{}", corpus.name, doc.id);
    let bytes = std::fs::read(&doc.input).map_err(|e| format!("{name}: input: {e}, skipped"))?;
    // A snippet corpus has no truth text: its snippets are in the plan.
    let truth = match doc.snippets {
        Some(_) => Vec::new(),
        None => std::fs::read(&doc.truth).map_err(|e| format!("{name}: truth: {e}, skipped"))?,
    };
    let truth = String::from_utf8_lossy(&truth);
    let cleaner = if doc.html {
        &cleaners.html
    } else {
        &cleaners.text
    };
    let start = Instant::now();
    let cleaned = cleaner.clean(&bytes);
    let clean_secs = start.elapsed().as_secs_f64();
    // A refused document counts as an empty prediction.
    let (body, refused) = match cleaned {
        Ok(c) => (c.body, None),
        Err(e) => (String::new(), Some(format!("{name}: {e}; scored as empty"))),
    };
    if let Some(dir) = dump {
        let path = dir.join(&corpus.name).join(format!("{}.txt", doc.id));
        std::fs::write(&path, &body).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let appeals = corpus.layout == Layout::Appeals;
    Ok(Outcome {
        corpus: ci,
        doc: di,
        score: metric::score(&truth, &body),
        given: (corpus.layout == Layout::Residue)
            .then(|| metric::score(&truth, &String::from_utf8_lossy(&bytes))),
        lines: appeals.then(|| lines::score(&truth, &body)),
        boilerplate: boilerplate(appeals, doc, &bytes, &truth, &body),
        snippets: doc.snippets.as_ref().map(|e| e.count(&body)),
        clean_secs,
        bytes: bytes.len() as u64,
        refused,
    })
}

fn boilerplate(
    appeals: bool,
    doc: &Doc,
    input: &[u8],
    truth: &str,
    body: &str,
) -> Option<Boilerplate> {
    (appeals && !doc.html).then(|| lines::boilerplate(&String::from_utf8_lossy(input), truth, body))
}
