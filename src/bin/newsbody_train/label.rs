//! Labels a document's blocks against its ground truth, deterministically:
//! a block is body as far as its token 4-grams occur in the truth (the
//! corpus metric's shingles), as the corpus README's line filter that knew
//! the truth does. A block of fewer than four tokens has no 4-gram of its
//! own; it is judged by the 4-grams that cross into its neighbours: a
//! "Facebook" line in a share row is not body even when the article
//! mentions Facebook, and a one-word subhead between two body paragraphs
//! is.

use newsbody::eval::metric::tokens;
use std::collections::HashSet;

/// Shingle length, as in the metric.
const N: usize = 4;

/// For each block, the share of the 4-grams touching it that occur in the
/// truth (`None` for a block without tokens), and its token count.
pub fn body_shares(blocks: &[&str], truth: &str) -> Vec<(Option<f32>, usize)> {
    let truth_tokens = tokens(truth);
    let in_truth: HashSet<&[&str]> = truth_tokens.windows(N).collect();
    let truth_line = format!(" {} ", truth_tokens.join(" "));
    let mut doc: Vec<&str> = Vec::new();
    let mut owner: Vec<usize> = Vec::new();
    for (k, b) in blocks.iter().enumerate() {
        for t in tokens(b) {
            doc.push(t);
            owner.push(k);
        }
    }
    let n_tokens: Vec<usize> = blocks.iter().map(|b| tokens(b).len()).collect();
    let mut total = vec![0u32; blocks.len()];
    let mut hits = vec![0u32; blocks.len()];
    for (start, gram) in doc.windows(N).enumerate() {
        let hit = u32::from(in_truth.contains(gram));
        let (first, last) = (owner[start], owner[start + N - 1]);
        for k in first..=last {
            // A long block counts only its own 4-grams.
            if n_tokens[k] >= N && first != last {
                continue;
            }
            total[k] += 1;
            hits[k] += hit;
        }
    }
    (0..blocks.len())
        .map(|k| {
            let own = tokens(blocks[k]);
            let share = if total[k] > 0 {
                Some(hits[k] as f32 / total[k] as f32)
            } else if own.is_empty() {
                None
            } else {
                // A document of fewer than N tokens: the block's words in
                // a row in the truth.
                let needle = format!(" {} ", own.join(" "));
                Some(f32::from(u8::from(truth_line.contains(&needle))))
            };
            (share, own.len())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_judged_by_their_context() {
        let truth = "The council met on Tuesday to vote.\nFacebook said it would appeal the fine on Monday.";
        let blocks = [
            "The council met on Tuesday to vote.",
            "Share",
            "Facebook",
            "Twitter",
            "Facebook said it would appeal the fine on Monday.",
        ];
        let s = body_shares(&blocks, truth);
        assert_eq!(s[0].0, Some(1.0));
        assert!(s[2].0.unwrap() < 0.5, "{s:?}");
        assert!(s[4].0.unwrap() > 0.5);
        let short = body_shares(&["a b", "c"], "x a b y");
        assert_eq!(short[0].0, Some(1.0));
        assert_eq!(short[1].0, Some(0.0));
    }
}
