//! The second stage's features: what the first stage thought of the
//! blocks around each block. Boilerplate comes in runs (a tail of related
//! links, comments and footer after the article, a menu before it), and a
//! block whose followers all look like boilerplate is probably in such a
//! run even when it looks like a sentence itself; a short line between
//! two paragraphs the first stage is sure of is probably a subhead.
//!
//! Computed over the blocks the scorer scores, in order (blocks a rule
//! decided are not among them).

/// Names of the context features, in row order (appended to the first
/// stage's features).
pub const NAMES: [&str; 14] = [
    "stage1", "stage1.prev1", "stage1.prev2", "stage1.next1", "stage1.next2",
    "stage1.mean_before5", "stage1.mean_after5", "stage1.mean_before", "stage1.mean_after",
    "stage1.share_before", "stage1.share_after", "stage1.sum_to_end", "stage1.sum_from_start",
    "scored_position",
];

/// The value standing for a neighbour that is not there.
const NONE: f32 = -20.0;
/// Sums of log-odds are clipped to this magnitude.
const CLIP: f32 = 50.0;

/// For each block, its context features, given every scored block's
/// first-stage log-odds in order.
pub fn rows(z: &[f32]) -> Vec<f32> {
    let n = z.len();
    let mut prefix = Vec::with_capacity(n + 1);
    let mut positive = Vec::with_capacity(n + 1);
    prefix.push(0f32);
    positive.push(0u32);
    for &v in z {
        prefix.push(prefix.last().unwrap() + v);
        positive.push(positive.last().unwrap() + u32::from(v > 0.0));
    }
    let mean = |a: usize, b: usize| {
        if b > a {
            (prefix[b] - prefix[a]) / (b - a) as f32
        } else {
            NONE
        }
    };
    let share = |a: usize, b: usize| {
        if b > a {
            (positive[b] - positive[a]) as f32 / (b - a) as f32
        } else {
            -1.0
        }
    };
    let at = |k: Option<usize>| k.and_then(|k| z.get(k).copied()).unwrap_or(NONE);
    let mut out = Vec::with_capacity(n * NAMES.len());
    for i in 0..n {
        out.extend_from_slice(&[
            z[i],
            at(i.checked_sub(1)),
            at(i.checked_sub(2)),
            at(Some(i + 1)),
            at(Some(i + 2)),
            mean(i.saturating_sub(5), i),
            mean(i + 1, (i + 6).min(n)),
            mean(0, i),
            mean(i + 1, n),
            share(0, i),
            share(i + 1, n),
            (prefix[n] - prefix[i]).clamp(-CLIP, CLIP),
            prefix[i + 1].clamp(-CLIP, CLIP),
            if n > 1 { i as f32 / (n - 1) as f32 } else { 0.0 },
        ]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sees_the_run_after_a_block() {
        let r = rows(&[-2.0, 1.0, 3.0]);
        let first = &r[..NAMES.len()];
        assert_eq!(first[0], -2.0);
        assert_eq!(first[1], NONE);
        assert_eq!(first[3], 1.0);
        assert_eq!(first[8], 2.0); // mean after
        assert_eq!(first[10], 1.0); // all after positive
        assert_eq!(first[11], 2.0); // sum to the end, from itself
        assert_eq!(r.len(), 3 * NAMES.len());
    }
}
