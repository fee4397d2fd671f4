//! From labelled documents to weights files: weighs the blocks, fits the
//! trees on the documents a model may see, and writes the model in the
//! format the library reads (`scorer/weights.txt`).

use crate::data::{DATASETS, Doc, Source};
use crate::gbdt::{self, Data, Model, Node, Params};
use std::fmt::Write as _;

/// Weight of a document of each source: every document counts the same
/// within its source (the metric averages precision over documents), and
/// its blocks share the weight by their tokens (the metric counts
/// shingles). A composed document counts half: there are many, and they
/// vary less than real ones.
fn doc_weight(source: Source) -> f32 {
    match source {
        Source::Residue | Source::Page => 1.0,
        Source::Composed => 0.5,
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
        let unit = DOC_UNITS * doc_weight(d.source) / total as f32;
        x.extend_from_slice(&d.x);
        y.extend_from_slice(&d.y);
        w.extend(d.tokens.iter().map(|&t| (t + 2) as f32 * unit));
    }
    Data::new(&x, features, y, w)
}

/// What a model is held out from: a wceb dataset (its pages and every
/// peer's texts of them) and, for the figures of one extractor's texts, that
/// extractor too (its texts of every dataset).
#[derive(Debug, Clone, Default)]
pub struct Fold {
    pub dataset: Option<usize>,
    pub peer: Option<String>,
}

impl Fold {
    /// Whether a model of this fold may see `doc`.
    pub fn sees(&self, doc: &Doc) -> bool {
        let dataset = self.dataset.is_none_or(|h| doc.dataset != Some(h));
        let peer = (self.peer.as_ref()).is_none_or(|p| doc.peer.as_ref() != Some(p));
        dataset && peer
    }

    /// The documents whose figures this fold's model gives: the held-out
    /// dataset's, and of the held-out peer's texts only.
    fn scores(&self, doc: &Doc) -> bool {
        self.dataset.is_some()
            && doc.dataset == self.dataset
            && (self.peer.as_ref()).is_none_or(|p| doc.peer.as_ref() == Some(p))
    }

    /// `without-<dataset>` or `without-<dataset>+<peer>`: the weights
    /// file's name, without `.txt`, as `newsbody-eval --model-dir` looks
    /// for it.
    pub fn name(&self) -> String {
        let mut name = String::from("without");
        if let Some(d) = self.dataset {
            name = format!("{name}-{}", DATASETS[d]);
        }
        if let Some(p) = &self.peer {
            name = format!("{name}+{p}");
        }
        name
    }
}

/// The weights file for a fitted model.
pub fn weights(model: &Model, p: &Params, threshold: f32, note: &str) -> String {
    let names = newsbody::train::feature_names();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# newsbody scorer weights, written by `newsbody-train` ({note}).\n\
         # {} trees of depth {}, learning rate {}, lambda {}, min child {}.\n\
         # Format: src/classify/score/format.rs. Features: src/classify/score/features.rs.",
        p.trees, p.depth, p.learning_rate, p.lambda, p.min_child
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

/// Fits one model and returns its weights file. A held-out model reports
/// what it does to the documents it did not see.
pub fn model(
    docs: &[Doc],
    p: &Params,
    threshold: f32,
    fold: &Fold,
    predictions: Option<&std::path::Path>,
    log: &mut dyn FnMut(String),
) -> String {
    let features = newsbody::train::feature_names().len();
    let data = data(docs, features, |d| fold.sees(d));
    let note = match fold.dataset {
        Some(_) => format!("held out: {}", fold.name()),
        None => "all datasets".to_string(),
    };
    log(format!("{note}: {} blocks", data.rows));
    let model = gbdt::fit(&data, p, log);
    if fold.dataset.is_some() {
        let unseen: Vec<&Doc> = docs.iter().filter(|d| fold.scores(d)).collect();
        for line in crate::report::held_out(&model, &unseen, features) {
            log(line);
        }
        if let Some(dir) = predictions {
            let path = dir.join(format!("{}.tsv", fold.name()));
            let _ = std::fs::write(path, crate::report::predictions(&model, &unseen, features));
        }
    }
    weights(&model, p, threshold, &note)
}
