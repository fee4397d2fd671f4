//! The scorer's model: boosted regression trees over a block's features,
//! summed into the log-odds that the block is boilerplate. The built-in
//! weights are static tables that `build.rs` makes from
//! `scorer/weights.txt`; other weights can be read at run time.

use super::features::NAMES;
use super::format::{self, LEAF, Node};
use std::borrow::Cow;

/// A fitted forest and the threshold it removes at.
#[derive(Debug, Clone)]
pub struct Forest {
    nodes: Cow<'static, [Node]>,
    roots: Cow<'static, [u32]>,
    bias: f32,
    /// Remove a block when its probability of being boilerplate is above
    /// this.
    pub threshold: f32,
}

mod builtin {
    use super::Node;
    include!(concat!(env!("OUT_DIR"), "/builtin_scorer.rs"));
}

impl Forest {
    /// The built-in weights, or `None` when the build has none (or they
    /// were fitted to other features than this code computes).
    pub fn builtin() -> Option<Forest> {
        if builtin::ROOTS.is_empty() || builtin::NAMES_HASH != format::names_hash(&NAMES) {
            return None;
        }
        Some(Forest {
            nodes: Cow::Borrowed(builtin::NODES),
            roots: Cow::Borrowed(builtin::ROOTS),
            bias: builtin::BIAS,
            threshold: builtin::THRESHOLD,
        })
    }

    /// Reads a weights file (see `format`); refuses weights fitted to
    /// other features.
    pub fn parse(text: &str) -> Result<Forest, String> {
        let p = format::parse(text)?;
        if p.features != NAMES.len() || p.names_hash != format::names_hash(&NAMES) {
            return Err(format!(
                "fitted to {} features with names hash {:016x}; this build computes {} ({:016x})",
                p.features,
                p.names_hash,
                NAMES.len(),
                format::names_hash(&NAMES)
            ));
        }
        Ok(Forest {
            nodes: Cow::Owned(p.nodes),
            roots: Cow::Owned(p.roots),
            bias: p.bias,
            threshold: p.threshold,
        })
    }

    /// The log-odds that a block with these features is boilerplate.
    pub fn log_odds(&self, x: &[f32]) -> f32 {
        let mut sum = self.bias;
        for &root in self.roots.iter() {
            sum += self.leaf(root, x).value;
        }
        sum
    }

    /// Whether log-odds `z` is above the threshold.
    pub fn removes(&self, z: f32) -> bool {
        probability(z) > self.threshold
    }

    fn leaf(&self, root: u32, x: &[f32]) -> &Node {
        let mut node = &self.nodes[root as usize];
        while node.feature != LEAF {
            let next = if x[usize::from(node.feature)] < node.cut {
                node.left
            } else {
                node.right
            };
            node = &self.nodes[next as usize];
        }
        node
    }

    /// How much each feature moved the log-odds (the changes of the
    /// trees' values along each block's path, summed per feature), the
    /// strongest first; features that moved nothing are left out.
    pub fn contributions(&self, x: &[f32]) -> Vec<(usize, f32)> {
        let mut by_feature = vec![0f32; NAMES.len()];
        for &root in self.roots.iter() {
            let mut node = &self.nodes[root as usize];
            while node.feature != LEAF {
                let next = if x[usize::from(node.feature)] < node.cut {
                    node.left
                } else {
                    node.right
                };
                let child = &self.nodes[next as usize];
                by_feature[usize::from(node.feature)] += child.value - node.value;
                node = child;
            }
        }
        let mut out: Vec<(usize, f32)> = (by_feature.into_iter().enumerate())
            .filter(|&(_, c)| c != 0.0)
            .collect();
        out.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
        out
    }
}

/// The logistic function.
pub fn probability(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A forest of one stump on feature `f`: left -1, right +2.
    pub fn stump(f: usize, cut: f32, threshold: f32) -> String {
        format!(
            "newsbody-scorer 1\nfeatures {} {:016x}\nthreshold {threshold}\nbias -0.5\n\
             tree\ns {f} {cut} 1 2 0.25\nl -1\nl 2\nend\n",
            NAMES.len(),
            format::names_hash(&NAMES)
        )
    }

    #[test]
    fn sums_trees_and_says_which_feature_weighed() {
        let forest = Forest::parse(&stump(3, 0.5, 0.8)).unwrap();
        let mut x = vec![0f32; NAMES.len()];
        assert_eq!(forest.log_odds(&x), -1.5);
        assert!(!forest.removes(forest.log_odds(&x)));
        x[3] = 1.0;
        assert_eq!(forest.log_odds(&x), 1.5);
        assert!(forest.removes(1.5));
        assert_eq!(forest.contributions(&x), [(3, 1.75)]);
    }

    #[test]
    fn refuses_weights_for_other_features() {
        let other = stump(3, 0.5, 0.8).replace(&format!("features {}", NAMES.len()), "features 5");
        assert!(
            Forest::parse(&other)
                .unwrap_err()
                .contains("fitted to 5 features")
        );
    }
}
