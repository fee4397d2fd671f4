//! What a held-out model does to the documents it did not see, block by
//! block and before any second round: at several thresholds, the share of
//! boilerplate tokens it removes and of body tokens it loses, per source.
//! A quick view for choosing features; the figures that count are
//! `newsbody-eval --model-dir`'s.

use crate::data::{Doc, Source};
use crate::gbdt::Model;

const THRESHOLDS: [f32; 6] = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

/// One line per source and threshold.
pub fn held_out(model: &Model, docs: &[&Doc], features: usize) -> Vec<String> {
    let mut out = Vec::new();
    for source in [Source::Residue, Source::Page, Source::Composed] {
        let mut junk = 0f64;
        let mut body = 0f64;
        let mut removed = [0f64; THRESHOLDS.len()];
        let mut lost = [0f64; THRESHOLDS.len()];
        for d in docs.iter().filter(|d| d.source == source) {
            for (k, x) in d.x.chunks_exact(features).enumerate() {
                let p = 1.0 / (1.0 + (-model.log_odds(x)).exp());
                let t = d.tokens[k] as f64;
                let (j, b) = (t * f64::from(d.y[k]), t * f64::from(1.0 - d.y[k]));
                junk += j;
                body += b;
                for (i, &th) in THRESHOLDS.iter().enumerate() {
                    if p > th {
                        removed[i] += j;
                        lost[i] += b;
                    }
                }
            }
        }
        if junk + body == 0.0 {
            continue;
        }
        for (i, th) in THRESHOLDS.iter().enumerate() {
            out.push(format!(
                "{source:?} p>{th}: boilerplate tokens removed {:.1}% of {junk:.0}, body tokens lost {:.2}% of {body:.0}",
                100.0 * removed[i] / junk.max(1.0),
                100.0 * lost[i] / body.max(1.0)
            ));
        }
    }
    out
}

/// Every held-out block with its label and probability, tab-separated.
pub fn predictions(model: &Model, docs: &[&Doc], features: usize) -> String {
    let mut out = String::new();
    for d in docs {
        for (k, x) in d.x.chunks_exact(features).enumerate() {
            let p = 1.0 / (1.0 + (-model.log_odds(x)).exp());
            out.push_str(&format!(
                "{}\t{:.2}\t{:.3}\t{}\n",
                d.name,
                d.y[k],
                p,
                d.texts[k].replace(['\t', '\n'], " ")
            ));
        }
    }
    out
}
