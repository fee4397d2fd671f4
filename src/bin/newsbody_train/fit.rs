//! From labelled documents to weights files: weighs the blocks, fits the
//! trees on the documents a model may see, and writes the model in the
//! format the library reads (`scorer/weights.txt`).

use crate::data::{DATASETS, Doc, Source};
use crate::gbdt::{self, Data, Model, Node, Params};
use std::fmt::Write as _;

/// Weight of a document of each source: every document counts the same
/// within its source (the metric averages precision over documents), and
/// its blocks share the weight by their tokens (the metric counts
/// shingles).
fn doc_weight(source: Source) -> f32 {
    match source {
        Source::Residue | Source::Page => 1.0,
        Source::Composed => 1.0,
    }
}

/// Block weight units per document, so that weights read as blocks.
const DOC_UNITS: f32 = 40.0;

/// The rows of the documents `keep` admits, binned.
pub fn data(docs: &[Doc], features: usize, keep: impl Fn(&Doc) -> bool) -> Data {
    let (mut x, mut y, mut w) = (Vec::new(), Vec::new(), Vec::new());
    for d in docs.iter().filter(|d| keep(d)) {
        let total: usize = d.tokens.iter().map(|t| t + 2).sum();
        if total == 0 {
            continue;
        }
        let power: f32 = std::env::var("NB_POW").ok().and_then(|v| v.parse().ok()).unwrap_or(1.0);
        let total: f32 = d.tokens.iter().map(|&t| ((t + 2) as f32).powf(power)).sum();
        let unit = DOC_UNITS * doc_weight(d.source) / total;
        x.extend_from_slice(&d.x);
        y.extend_from_slice(&d.y);
        w.extend(d.tokens.iter().map(|&t| ((t + 2) as f32).powf(power) * unit));
    }
    Data::new(&x, features, y, w)
}

/// Whether a model held out from `dataset` may see `doc`: neither the
/// dataset's pages nor any peer's texts of them.
pub fn without(dataset: usize) -> impl Fn(&Doc) -> bool {
    move |d: &Doc| d.dataset != Some(dataset)
}

/// The weights file for a fitted model.
pub fn weights(model: &Model, p: &Params, threshold: f32, note: &str) -> String {
    let names = newsbody::train::feature_names();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# newsbody scorer weights, written by `newsbody-train` ({note}).\n\
         # {} trees of depth {}, learning rate {}, lambda {}, min child {}.\n\
         # Format: src/classify/score/format.rs. Features: {}.",
        p.trees,
        p.depth,
        p.learning_rate,
        p.lambda,
        p.min_child,
        "src/classify/score/features.rs"
    );
    let _ = writeln!(out, "newsbody-scorer {}", newsbody::train::FORMAT_VERSION);
    let _ = writeln!(
        out,
        "features {} {:016x}",
        names.len(),
        newsbody::train::names_hash()
    );
    let _ = writeln!(out, "threshold {threshold}");
    let _ = writeln!(out, "bias {}", model.bias);
    for tree in &model.trees {
        out.push_str("tree\n");
        for node in tree {
            let _ = match node {
                Node::Split {
                    feature,
                    cut,
                    left,
                    right,
                    value,
                } => writeln!(
                    out,
                    "s {feature} {cut} {left} {right} {value}  # {}",
                    names[*feature]
                ),
                Node::Leaf { value } => writeln!(out, "l {value}"),
            };
        }
        out.push_str("end\n");
    }
    out
}

/// Fits one model and returns its weights file.
pub fn model(
    docs: &[Doc],
    p: &Params,
    threshold: f32,
    held_out: Option<usize>,
    log: &mut dyn FnMut(String),
) -> String {
    let features = newsbody::train::feature_names().len();
    let data = match held_out {
        Some(d) => data(docs, features, without(d)),
        None => data(docs, features, |_| true),
    };
    let note = match held_out {
        Some(d) => format!("held out: {}", DATASETS[d]),
        None => "all datasets".to_string(),
    };
    log(format!("{note}: {} blocks", data.rows));
    let model = gbdt::fit(&data, p, log);
    if let Some(d) = held_out {
        let unseen: Vec<&Doc> = docs.iter().filter(|doc| !without(d)(doc)).collect();
        for line in crate::report::held_out(&model, &unseen, features) {
            log(line);
        }
        if let Ok(dir) = std::env::var("NEWSBODY_TRAIN_PREDICTIONS") {
            let path = format!("{dir}/{}.tsv", DATASETS[d]);
            let _ = std::fs::write(path, crate::report::predictions(&model, &unseen, features));
        }
    }
    weights(&model, p, threshold, &note)
}

/// A document's rows with the second stage's context features appended,
/// from `z`, the first stage's log-odds of its blocks.
fn with_context(d: &Doc, z: &[f32], features: usize) -> Doc {
    let ctx = newsbody::train::context_rows(z);
    let width = newsbody::train::context_names().len();
    let mut x = Vec::with_capacity(d.x.len() + ctx.len());
    for (row, c) in d.x.chunks_exact(features).zip(ctx.chunks_exact(width)) {
        x.extend_from_slice(row);
        x.extend_from_slice(c);
    }
    Doc {
        source: d.source,
        dataset: d.dataset,
        x,
        y: d.y.clone(),
        tokens: d.tokens.clone(),
        texts: d.texts.clone(),
        name: d.name.clone(),
    }
}

fn logits(model: &Model, d: &Doc, features: usize) -> Vec<f32> {
    d.x.chunks_exact(features).map(|x| model.log_odds(x)).collect()
}

/// Two stages: the first over the block's own features, the second also
/// over the first's view of the blocks around it. The second is fitted
/// on out-of-fold first-stage log-odds (each dataset's from a first
/// stage that did not see it), as it will meet them on unseen documents.
pub fn stacked(
    docs: &[Doc],
    p: &Params,
    held_out: Option<usize>,
    log: &mut dyn FnMut(String),
) -> (Model, Model) {
    let features = newsbody::train::feature_names().len();
    let seen = |d: &Doc| held_out.is_none_or(|h| d.dataset != Some(h));
    let groups: Vec<Option<usize>> = {
        let mut g: Vec<Option<usize>> = docs.iter().filter(|d| seen(d)).map(|d| d.dataset).collect();
        g.sort();
        g.dedup();
        g
    };
    let mut oof: Vec<Option<Vec<f32>>> = docs.iter().map(|_| None).collect();
    for g in &groups {
        let data = data(docs, features, |d| seen(d) && d.dataset != *g);
        log(format!("stage 1 without group {g:?}: {} blocks", data.rows));
        let m = gbdt::fit(&data, p, &mut |_| {});
        for (k, d) in docs.iter().enumerate() {
            if seen(d) && d.dataset == *g {
                oof[k] = Some(logits(&m, d, features));
            }
        }
    }
    let first = gbdt::fit(&data(docs, features, seen), p, log);
    let second_docs: Vec<Doc> = (docs.iter().zip(&oof))
        .filter_map(|(d, z)| Some(with_context(d, z.as_ref()?, features)))
        .collect();
    let width = features + newsbody::train::context_names().len();
    let second = gbdt::fit(&data(&second_docs, width, |_| true), p, log);
    if let Some(h) = held_out {
        let unseen: Vec<Doc> = (docs.iter().filter(|d| !seen(d)))
            .map(|d| with_context(d, &logits(&first, d, features), features))
            .collect();
        let firsts: Vec<&Doc> = docs.iter().filter(|d| !seen(d)).collect();
        log(format!("held out {}: first stage", DATASETS[h]));
        for line in crate::report::held_out(&first, &firsts, features) {
            log(line);
        }
        let refs: Vec<&Doc> = unseen.iter().collect();
        log(format!("held out {}: second stage", DATASETS[h]));
        for line in crate::report::held_out(&second, &refs, width) {
            log(line);
        }
    }
    (first, second)
}
