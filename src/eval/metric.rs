//! Token-shingle precision, recall and F1, exactly as the corpus README
//! defines them (the ScrapingHub article-extraction benchmark's measure).
//!
//! - Tokens are maximal runs of word characters with Python's `\w`
//!   semantics: Unicode letters (`L*`), numbers (`N*`) and `_`, but not
//!   combining marks (Rust's `\w` includes marks, so the class is spelled
//!   out).
//! - Shingles are the contiguous 4-grams of the token list, as a multiset;
//!   a text of 1 to 3 tokens has one shingle (the whole list), an empty
//!   text none.
//! - A corpus's precision is the mean over documents with a non-empty
//!   prediction, its recall the mean over documents with a non-empty truth,
//!   and its F1 is the harmonic mean of those two means.

use regex::Regex;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Shingle length.
const N: usize = 4;

/// Python's `\w+`: letters, numbers and underscore, without marks.
static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{N}_]+").expect("word pattern is valid"));

/// The tokens of a text, in order.
pub fn tokens(text: &str) -> Vec<&str> {
    WORD.find_iter(text).map(|m| m.as_str()).collect()
}

/// The multiset of shingles of a token list, as counts.
pub fn shingles<'a>(tokens: &'a [&'a str]) -> HashMap<&'a [&'a str], u32> {
    let mut counts = HashMap::new();
    if tokens.is_empty() {
        return counts;
    }
    if tokens.len() < N {
        counts.insert(tokens, 1);
        return counts;
    }
    for w in tokens.windows(N) {
        *counts.entry(w).or_insert(0) += 1;
    }
    counts
}

/// One document's score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DocScore {
    /// Shingles in both, counted with multiplicity.
    pub tp: u64,
    /// Shingles only in the prediction.
    pub fp: u64,
    /// Shingles only in the truth.
    pub fn_: u64,
    /// 1 when fp = fn = 0, 0 when tp = fp = 0, else tp / (tp + fp).
    pub precision: f64,
    /// 1 when fp = fn = 0, 0 when tp = fn = 0, else tp / (tp + fn).
    pub recall: f64,
    /// The prediction has no shingle.
    pub empty_prediction: bool,
    /// The truth has no shingle.
    pub empty_truth: bool,
}

impl DocScore {
    /// Harmonic mean of this document's precision and recall (0 when both
    /// are 0). Used to rank documents; the corpus F1 is not its mean.
    pub fn f1(&self) -> f64 {
        harmonic(self.precision, self.recall)
    }
}

/// Scores a prediction against the truth.
pub fn score(truth: &str, prediction: &str) -> DocScore {
    let (t_tokens, p_tokens) = (tokens(truth), tokens(prediction));
    let (t, p) = (shingles(&t_tokens), shingles(&p_tokens));
    let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
    for (s, &pc) in &p {
        let tc = t.get(s).copied().unwrap_or(0);
        tp += u64::from(pc.min(tc));
        fp += u64::from(pc.saturating_sub(tc));
    }
    for (s, &tc) in &t {
        fn_ += u64::from(tc.saturating_sub(p.get(s).copied().unwrap_or(0)));
    }
    DocScore {
        tp,
        fp,
        fn_,
        precision: ratio(tp, fp, fn_),
        recall: ratio(tp, fn_, fp),
        empty_prediction: p.is_empty(),
        empty_truth: t.is_empty(),
    }
}

/// `tp / (tp + miss)`, with the README's edge cases: 1 when nothing is
/// wrong on either side, 0 when there is nothing to count.
fn ratio(tp: u64, miss: u64, other_miss: u64) -> f64 {
    if miss == 0 && other_miss == 0 {
        1.0
    } else if tp == 0 && miss == 0 {
        0.0
    } else {
        tp as f64 / (tp + miss) as f64
    }
}

/// `2pr / (p + r)`, 0 when both are 0.
pub fn harmonic(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// A corpus's score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CorpusScore {
    /// Documents scored.
    pub docs: usize,
    /// Mean precision over documents with a non-empty prediction (0 when
    /// there are none).
    pub precision: f64,
    /// Mean recall over documents with a non-empty truth (0 when there are
    /// none).
    pub recall: f64,
    /// Harmonic mean of `precision` and `recall`.
    pub f1: f64,
    /// Documents whose prediction is empty: `precision` leaves them out.
    pub empty_predictions: usize,
}

/// Averages document scores into a corpus score.
pub fn aggregate(scores: &[DocScore]) -> CorpusScore {
    let precision = mean(
        scores
            .iter()
            .filter(|s| !s.empty_prediction)
            .map(|s| s.precision),
    );
    let recall = mean(scores.iter().filter(|s| !s.empty_truth).map(|s| s.recall));
    CorpusScore {
        docs: scores.len(),
        precision,
        recall,
        f1: harmonic(precision, recall),
        empty_predictions: scores.iter().filter(|s| s.empty_prediction).count(),
    }
}

/// Arithmetic mean, 0 for no values.
fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn tokens_follow_python_word_class() {
        // Python: re.findall(r'\w+', ...) gives exactly these.
        let t = tokens("हिन्दी e\u{301}te ½ ² ٣ a_b, Héllo-wörld\nX");
        assert_eq!(
            t,
            [
                "ह", "न", "द", "e", "te", "½", "²", "٣", "a_b", "Héllo", "wörld", "X"
            ]
        );
        assert!(tokens(" ,.!\n").is_empty());
    }

    #[test]
    fn shingles_are_four_grams_with_short_and_empty_cases() {
        let five = tokens("a b c d e");
        assert_eq!(shingles(&five).len(), 2);
        let three = tokens("a b c");
        let s = shingles(&three);
        assert_eq!(s.len(), 1);
        assert_eq!(s[&["a", "b", "c"][..]], 1);
        assert!(shingles(&[]).is_empty());
        let rep = tokens("a b c d a b c d");
        let s = shingles(&rep);
        assert_eq!(s.len(), 4);
        assert_eq!(s[&["a", "b", "c", "d"][..]], 2);
    }

    #[test]
    fn document_scores_by_hand() {
        // truth abcd bcde cdef; prediction abcd bcde cdex.
        let s = score("a b c d e f", "a b c d e x");
        assert_eq!((s.tp, s.fp, s.fn_), (2, 1, 1));
        assert!(close(s.precision, 2.0 / 3.0) && close(s.recall, 2.0 / 3.0));
        // Multiset: abcd twice in the truth, once in the prediction.
        let s = score("a b c d a b c d", "a b c d");
        assert_eq!((s.tp, s.fp, s.fn_), (1, 0, 4));
        assert!(close(s.precision, 1.0) && close(s.recall, 0.2));
        // Punctuation and line breaks never matter; case does.
        assert_eq!(score("a, b\nc d!", "a b c d").f1(), 1.0);
        assert_eq!(score("The cat sat down", "the cat sat down").f1(), 0.0);
        // Short texts: one shingle of the whole list.
        assert_eq!(score("a b", "a b").f1(), 1.0);
        let s = score("a b c", "a b c d");
        assert_eq!(
            (s.tp, s.fp, s.fn_, s.precision, s.recall),
            (0, 1, 1, 0.0, 0.0)
        );
    }

    #[test]
    fn document_edge_cases() {
        let both = score("", "...");
        assert_eq!((both.precision, both.recall), (1.0, 1.0));
        assert!(both.empty_prediction && both.empty_truth);
        let no_pred = score("a b c d", "");
        assert_eq!((no_pred.precision, no_pred.recall), (0.0, 0.0));
        assert!(no_pred.empty_prediction && !no_pred.empty_truth);
        let no_truth = score("", "a b c d");
        assert_eq!((no_truth.precision, no_truth.recall), (0.0, 0.0));
    }

    #[test]
    fn corpus_means_then_harmonic() {
        let docs = [
            score("a b c d a b c d", "a b c d"), // P 1, R 0.2
            score("a b c d", ""),                // R 0, prediction empty
            score("", "a b c d"),                // P 0, truth empty
            score("", ""),                       // neither side counts
        ];
        let c = aggregate(&docs);
        assert_eq!(c.docs, 4);
        assert!(close(c.precision, 0.5)); // mean(1, 0)
        assert!(close(c.recall, 0.1)); // mean(0.2, 0)
        assert!(close(c.f1, 2.0 * 0.5 * 0.1 / 0.6));
        assert_eq!(c.empty_predictions, 2);
        let none = aggregate(&[]);
        assert_eq!((none.precision, none.recall, none.f1), (0.0, 0.0, 0.0));
    }
}
