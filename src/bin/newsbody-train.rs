//! `newsbody-train`: rebuilds the scorer's weights from the shared corpora
//! and our composed training documents, deterministically (same inputs,
//! same weights file, byte for byte). No network, no Python.
//!
//! It labels blocks (`label`, `data`), fits boosted trees (`gbdt`) and
//! writes the weights (`fit`): the model fitted on everything to
//! `scorer/weights.txt`, and with `--held-out DIR` also the five models
//! that each leave one wceb dataset out (its pages and every peer's texts
//! of them) as `DIR/without-<dataset>.txt`, for the out-of-sample figures
//! of `newsbody-eval --model-dir DIR`. appeals-dev is never read.

#[path = "newsbody_train/compose.rs"]
mod compose;
#[path = "newsbody_train/data.rs"]
mod data;
#[path = "newsbody_train/fit.rs"]
mod fit;
#[path = "newsbody_train/gbdt.rs"]
mod gbdt;
#[path = "newsbody_train/label.rs"]
mod label;
#[path = "newsbody_train/report.rs"]
mod report;

use anyhow::{Context, Result};
use clap::Parser;
use std::path::PathBuf;

/// Rebuilds the scorer's weights from the corpora.
#[derive(Debug, Parser)]
#[command(name = "newsbody-train", version, about)]
struct Args {
    /// The shared corpus folder (holding `wceb/` and `residue/`).
    #[arg(long, value_name = "DIR", default_value = "../shared/corpus")]
    corpus: PathBuf,

    /// Our composed training documents (`<lang>.txt` files).
    #[arg(long, value_name = "DIR", default_value = "train")]
    train: PathBuf,

    /// Documents composed from each training file.
    #[arg(long, default_value_t = 200)]
    composed: usize,

    /// Where the model fitted on everything goes.
    #[arg(long, value_name = "FILE", default_value = "scorer/weights.txt")]
    out: PathBuf,

    /// Also fit the five leave-one-dataset-out models into this folder.
    #[arg(long, value_name = "DIR")]
    held_out: Option<PathBuf>,

    /// Fit only the leave-one-dataset-out models.
    #[arg(long, requires = "held_out")]
    only_held_out: bool,

    /// With `--held-out`, also fit for each held-out dataset one model per
    /// extractor that leaves out that extractor's texts as well
    /// (`DIR/without-<dataset>+<peer>.txt`), so that each extractor's
    /// figures come from a model that saw neither its pages nor its output.
    #[arg(long, requires = "held_out")]
    peer_folds: bool,

    /// Of the leave-one-dataset-out models, fit only those leaving out
    /// these datasets (for a quicker look).
    #[arg(long, value_name = "DATASET", requires = "held_out")]
    fold: Vec<String>,

    /// Trees to fit.
    #[arg(long, default_value_t = 200)]
    trees: usize,

    /// Depth of each tree.
    #[arg(long, default_value_t = 5)]
    depth: usize,

    /// Shrinks each tree's output.
    #[arg(long, default_value_t = 0.1)]
    learning_rate: f32,

    /// Least weight a leaf may hold (a document weighs 40).
    #[arg(long, default_value_t = 10.0)]
    min_child: f64,

    /// Remove a block when its probability of being boilerplate is above
    /// this. Losing a body line costs more than keeping a stray one: 0.8
    /// weighs a lost body line as four kept stray ones.
    #[arg(long, default_value_t = 0.8)]
    threshold: f32,

    /// Write each held-out block's label, probability and text to
    /// `DIR/<dataset>.tsv`, for error analysis.
    #[arg(long, value_name = "DIR", requires = "held_out")]
    predictions: Option<PathBuf>,

    /// Threads (default: all cores). The weights do not depend on it.
    #[arg(short = 'j', long)]
    jobs: Option<usize>,
}

fn main() -> Result<()> {
    let args = Args::parse();
    if let Some(j) = args.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(j)
            .build_global()?;
    }
    let params = gbdt::Params {
        trees: args.trees,
        depth: args.depth,
        learning_rate: args.learning_rate,
        lambda: 1.0,
        min_child: args.min_child,
    };
    let start = std::time::Instant::now();
    let mut docs = data::corpus(&args.corpus)?;
    if args.train.is_dir() {
        docs.extend(data::composed(&args.train, args.composed)?);
    }
    let blocks: usize = docs.iter().map(|d| d.y.len()).sum();
    eprintln!(
        "{} documents, {blocks} labelled blocks ({:.0} s)",
        docs.len(),
        start.elapsed().as_secs_f64()
    );
    let mut log = |line: String| eprintln!("  {line} ({:.0} s)", start.elapsed().as_secs_f64());
    if let Some(dir) = &args.held_out {
        std::fs::create_dir_all(dir).with_context(|| format!("{}", dir.display()))?;
        let peers: std::collections::BTreeSet<&String> =
            docs.iter().filter_map(|d| d.peer.as_ref()).collect();
        for (d, name) in data::DATASETS.iter().enumerate() {
            if !args.fold.is_empty() && !args.fold.iter().any(|f| f == name) {
                continue;
            }
            let mut folds = vec![fit::Fold {
                dataset: Some(d),
                peer: None,
            }];
            if args.peer_folds {
                folds.extend(peers.iter().map(|&p| fit::Fold {
                    dataset: Some(d),
                    peer: Some(p.clone()),
                }));
            }
            for fold in folds {
                let text = fit::model(
                    &docs,
                    &params,
                    args.threshold,
                    &fold,
                    args.predictions.as_deref(),
                    &mut log,
                );
                let path = dir.join(format!("{}.txt", fold.name()));
                std::fs::write(&path, text).with_context(|| format!("{}", path.display()))?;
            }
        }
    }
    if !args.only_held_out {
        let all = fit::Fold::default();
        let text = fit::model(&docs, &params, args.threshold, &all, None, &mut log);
        std::fs::write(&args.out, text).with_context(|| format!("{}", args.out.display()))?;
    }
    Ok(())
}
