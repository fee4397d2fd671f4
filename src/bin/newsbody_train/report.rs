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
    let mut out = per_doc(model, docs, features);
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

/// Per residue document, token precision and recall of the scored blocks
/// before and after removing those above each threshold, averaged over
/// documents as the corpus metric averages (a proxy for it: tokens, not
/// shingles, and only the blocks the scorer sees).
fn per_doc(model: &Model, docs: &[&Doc], features: usize) -> Vec<String> {
    let mut out = Vec::new();
    let ths = [f32::INFINITY, 0.5, 0.6, 0.7, 0.8, 0.9];
    let mut p_sum = [0f64; 6];
    let mut r_sum = [0f64; 6];
    let mut n = 0f64;
    for d in docs.iter().filter(|d| d.source == Source::Residue) {
        let probs: Vec<f32> = (d.x.chunks_exact(features))
            .map(|x| 1.0 / (1.0 + (-model.log_odds(x)).exp()))
            .collect();
        let body: f64 = (d.tokens.iter().zip(&d.y))
            .map(|(&t, &y)| t as f64 * f64::from(1.0 - y))
            .sum();
        if body == 0.0 {
            continue;
        }
        n += 1.0;
        for (i, &th) in ths.iter().enumerate() {
            let (mut tp, mut fp) = (0f64, 0f64);
            for (k, &prob) in probs.iter().enumerate() {
                if prob > th {
                    continue;
                }
                let t = d.tokens[k] as f64;
                tp += t * f64::from(1.0 - d.y[k]);
                fp += t * f64::from(d.y[k]);
            }
            p_sum[i] += if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
            r_sum[i] += tp / body;
        }
    }
    for (i, th) in ths.iter().enumerate() {
        out.push(format!(
            "residue per document, p>{th}: P {:.4} R {:.4}",
            p_sum[i] / n.max(1.0),
            r_sum[i] / n.max(1.0)
        ));
    }
    out
}
