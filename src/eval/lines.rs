//! Line scores for corpora whose truth is lines taken verbatim from the
//! input (the appeal corpora), as the corpus README defines them.
//!
//! Lines are compared after folding whitespace runs to one space and
//! stripping; empty lines are dropped. Per case: kept = multiset
//! intersection of output and expected lines, line precision =
//! kept / |output|, line recall = kept / |expected|, exact = the two line
//! lists are equal in order. For plain-text inputs, the boilerplate lines
//! are the input lines not in the expected body (as a multiset), and the
//! share of them that the output dropped is reported.

use serde::Serialize;
use std::collections::HashMap;

/// The normalised, non-empty lines of a text.
pub fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

/// One case's line score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LineScore {
    /// Lines in the output.
    pub output: usize,
    /// Lines in the expected body.
    pub expected: usize,
    /// Lines in both, with multiplicity.
    pub kept: usize,
    /// `kept / output`; when the output is empty, 1 if the expected body is
    /// empty too, else 0.
    pub precision: f64,
    /// `kept / expected`; 1 when the expected body is empty.
    pub recall: f64,
    /// Output and expected lines are equal, in order.
    pub exact: bool,
}

/// Scores an output against the expected body, line by line.
pub fn score(expected: &str, output: &str) -> LineScore {
    let (e, o) = (lines(expected), lines(output));
    let mut want = counts(&e);
    let mut kept = 0;
    for l in &o {
        if let Some(c) = want.get_mut(l.as_str()).filter(|c| **c > 0) {
            *c -= 1;
            kept += 1;
        }
    }
    let precision = match o.len() {
        0 if e.is_empty() => 1.0,
        0 => 0.0,
        n => kept as f64 / n as f64,
    };
    let recall = match e.len() {
        0 => 1.0,
        n => kept as f64 / n as f64,
    };
    LineScore {
        output: o.len(),
        expected: e.len(),
        kept,
        precision,
        recall,
        exact: e == o,
    }
}

/// Boilerplate lines of a plain-text case and how many the output dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Boilerplate {
    /// Input lines not in the expected body (multiset difference).
    pub total: usize,
    /// Of those, the ones absent from the output.
    pub removed: usize,
}

impl Boilerplate {
    /// `removed / total`, or `None` when the input had no boilerplate.
    pub fn share(&self) -> Option<f64> {
        (self.total > 0).then(|| self.removed as f64 / self.total as f64)
    }
}

/// Counts the boilerplate lines of a plain-text input and those removed.
///
/// A line text occurring `i` times in the input and `e` times in the
/// expected body is boilerplate `max(0, i - e)` times; of those, the
/// output still holds `max(0, o - e)` (at most all of them).
pub fn boilerplate(input: &str, expected: &str, output: &str) -> Boilerplate {
    let (i, e, o) = (lines(input), lines(expected), lines(output));
    let (ec, oc) = (counts(&e), counts(&o));
    let (mut total, mut left) = (0, 0);
    for (line, n) in counts(&i) {
        let exp = ec.get(line).copied().unwrap_or(0);
        let extra = n.saturating_sub(exp);
        total += extra;
        left += oc
            .get(line)
            .copied()
            .unwrap_or(0)
            .saturating_sub(exp)
            .min(extra);
    }
    Boilerplate {
        total,
        removed: total - left,
    }
}

fn counts(lines: &[String]) -> HashMap<&str, usize> {
    let mut m = HashMap::new();
    for l in lines {
        *m.entry(l.as_str()).or_insert(0) += 1;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fold_whitespace_and_drop_empty() {
        assert_eq!(lines("  a \t b \n\n \u{a0}\nc\r\n"), ["a b", "c"]);
    }

    #[test]
    fn line_scores_by_hand() {
        let s = score("a\nb\nc\nd\n", "a\nx\nc\nc\n");
        assert_eq!((s.output, s.expected, s.kept), (4, 4, 2));
        assert_eq!((s.precision, s.recall, s.exact), (0.5, 0.5, false));
        let s = score("a\n b \n", "a\n\nb");
        assert_eq!((s.precision, s.recall, s.exact), (1.0, 1.0, true));
        // Same lines, other order: full scores, not exact.
        assert!(!score("a\nb", "b\na").exact);
        assert_eq!(score("a", "").precision, 0.0);
        assert_eq!(score("", "").precision, 1.0);
        assert_eq!(score("", "x").recall, 1.0);
    }

    #[test]
    fn boilerplate_share_by_hand() {
        // Input: body a b, boilerplate x, y, and a second "a".
        let input = "x\na\nb\ny\na\n";
        let b = boilerplate(input, "a\nb\n", "a\nb\ny\n");
        assert_eq!((b.total, b.removed), (3, 2));
        assert_eq!(b.share(), Some(2.0 / 3.0));
        // Keeping a duplicate of a body line counts as keeping boilerplate.
        assert_eq!(boilerplate(input, "a\nb\n", "a\nb\na\n").removed, 2);
        assert_eq!(boilerplate("a\n", "a\n", "a\n").share(), None);
    }
}
