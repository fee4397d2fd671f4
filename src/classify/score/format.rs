//! The scorer's weights file: a versioned text format, read here both by
//! the library (a model given at run time) and by `build.rs` (which turns
//! the built-in `scorer/weights.txt` into static tables, so that loading
//! the built-in model costs nothing). Plain Rust, no dependencies, since
//! the build script includes this file too.
//!
//! ```text
//! # comments and blank lines are ignored
//! newsbody-scorer 1
//! features 180 9f3c2a7d5e1b4c68     # count and hash of the feature names
//! threshold 0.8                     # remove when P(boilerplate) > this
//! bias -1.25                        # log-odds before any tree
//! tree
//! s 12 3.5 1 2 0.01                 # split: feature, cut, left, right, value
//! l 0.23                            # leaf: value
//! l -0.11
//! end
//! ```
//!
//! A split sends a block left when its feature is below the cut. Node
//! numbers are within the tree, the root first. A split's value is what
//! the tree would say if it stopped there; the differences along a path
//! say how much each feature weighed (see `forest`).

/// The format version this code reads and writes.
pub const VERSION: u32 = 1;

/// Marks a leaf in [`Node::feature`].
pub const LEAF: u16 = u16::MAX;

/// One node of a tree, split or leaf.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Node {
    /// The feature a split reads, or [`LEAF`].
    pub feature: u16,
    /// Index of the left child in the whole forest (splits only).
    pub left: u32,
    /// Index of the right child in the whole forest (splits only).
    pub right: u32,
    /// Blocks whose feature is below this go left.
    pub cut: f32,
    /// The tree's output here, in log-odds.
    pub value: f32,
}

/// A weights file, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub features: usize,
    pub names_hash: u64,
    pub threshold: f32,
    pub bias: f32,
    /// Every tree's nodes, one after the other, children as forest
    /// indices.
    pub nodes: Vec<Node>,
    /// Index of each tree's root in `nodes`.
    pub roots: Vec<u32>,
}

/// Reads a weights file; the error names the line.
pub fn parse(text: &str) -> Result<Parsed, String> {
    let mut p = Parsed {
        features: 0,
        names_hash: 0,
        threshold: 1.0,
        bias: 0.0,
        nodes: Vec::new(),
        roots: Vec::new(),
    };
    let mut version = None;
    let mut in_tree: Option<usize> = None;
    for (n, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let at = |msg: &str| format!("line {}: {msg}", n + 1);
        let mut parts = line.split_whitespace();
        let head = parts.next().unwrap_or("");
        let rest: Vec<&str> = parts.collect();
        match (head, version, in_tree) {
            ("newsbody-scorer", None, None) => {
                let v: u32 = number(&rest, 0).map_err(|e| at(&e))?;
                if v != VERSION {
                    return Err(at(&format!("version {v}; this build reads {VERSION}")));
                }
                version = Some(v);
            }
            (_, None, _) => return Err(at("expected `newsbody-scorer VERSION` first")),
            ("features", _, None) => {
                p.features = number(&rest, 0).map_err(|e| at(&e))?;
                let hash = rest.get(1).ok_or_else(|| at("missing the names' hash"))?;
                p.names_hash = u64::from_str_radix(hash, 16).map_err(|_| at("bad hash"))?;
            }
            ("threshold", _, None) => p.threshold = number(&rest, 0).map_err(|e| at(&e))?,
            ("bias", _, None) => p.bias = number(&rest, 0).map_err(|e| at(&e))?,
            ("tree", _, None) => {
                in_tree = Some(p.nodes.len());
                p.roots.push(p.nodes.len() as u32);
            }
            ("s", _, Some(base)) => {
                let local = |k: usize| -> Result<u32, String> {
                    let v: u32 = number(&rest, k)?;
                    Ok(base as u32 + v)
                };
                let feature: u16 = number(&rest, 0).map_err(|e| at(&e))?;
                if usize::from(feature) >= p.features {
                    return Err(at(&format!("feature {feature} out of range")));
                }
                p.nodes.push(Node {
                    feature,
                    cut: number(&rest, 1).map_err(|e| at(&e))?,
                    left: local(2).map_err(|e| at(&e))?,
                    right: local(3).map_err(|e| at(&e))?,
                    value: number(&rest, 4).map_err(|e| at(&e))?,
                });
            }
            ("l", _, Some(_)) => p.nodes.push(Node {
                feature: LEAF,
                left: 0,
                right: 0,
                cut: 0.0,
                value: number(&rest, 0).map_err(|e| at(&e))?,
            }),
            ("end", _, Some(base)) => {
                check_tree(&p.nodes, base).map_err(|e| at(&e))?;
                in_tree = None;
            }
            _ => return Err(at(&format!("unexpected `{head}`"))),
        }
    }
    if version.is_none() {
        return Err("empty weights file".into());
    }
    if in_tree.is_some() {
        return Err("the last tree has no `end`".into());
    }
    Ok(p)
}

/// Children must point forward inside their own tree, so that walking a
/// tree always ends at a leaf.
fn check_tree(nodes: &[Node], base: usize) -> Result<(), String> {
    if nodes.len() == base {
        return Err("empty tree".into());
    }
    for (i, node) in nodes.iter().enumerate().skip(base) {
        if node.feature == LEAF {
            continue;
        }
        for child in [node.left, node.right] {
            let c = child as usize;
            if c <= i || c >= nodes.len() {
                return Err(format!(
                    "node {} has child {} out of order",
                    i - base,
                    c - base
                ));
            }
        }
    }
    Ok(())
}

fn number<T: std::str::FromStr>(parts: &[&str], k: usize) -> Result<T, String> {
    let s = parts
        .get(k)
        .ok_or_else(|| format!("missing value {}", k + 1))?;
    s.parse()
        .map_err(|_| format!("`{s}` is not a number of the right kind"))
}

/// FNV-1a over the feature names, each followed by a newline: the hash a
/// weights file records, so that weights never meet features they were
/// not fitted to.
pub fn names_hash(names: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for name in names {
        for &b in name.as_bytes().iter().chain(b"\n") {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE_SPLIT: &str = "# a stump\nnewsbody-scorer 1\nfeatures 3 00000000000000ff\n\
        threshold 0.75\nbias -1.5\ntree\ns 2 0.5 1 2 0.1\nl -1\nl 2  # right\nend\n";

    #[test]
    fn reads_a_forest() {
        let p = parse(ONE_SPLIT).unwrap();
        assert_eq!((p.features, p.names_hash), (3, 0xff));
        assert_eq!((p.threshold, p.bias), (0.75, -1.5));
        assert_eq!(p.roots, [0]);
        assert_eq!(p.nodes.len(), 3);
        assert_eq!(
            (p.nodes[0].feature, p.nodes[0].left, p.nodes[0].right),
            (2, 1, 2)
        );
        assert_eq!(p.nodes[2].feature, LEAF);
        assert_eq!(p.nodes[2].value, 2.0);
    }

    #[test]
    fn refuses_what_it_cannot_walk() {
        let bad = |from: &str, to: &str| parse(&ONE_SPLIT.replace(from, to)).unwrap_err();
        assert!(bad("newsbody-scorer 1", "newsbody-scorer 9").contains("version 9"));
        assert!(bad("s 2 0.5 1 2", "s 3 0.5 1 2").contains("out of range"));
        assert!(bad("s 2 0.5 1 2", "s 2 0.5 0 2").contains("out of order"));
        assert!(bad("s 2 0.5 1 2", "s 2 0.5 1 7").contains("out of order"));
        assert!(bad("end\n", "").contains("no `end`"));
        assert!(bad("bias -1.5", "bias low").contains("line 5"));
        assert!(parse("").is_err());
    }

    #[test]
    fn names_hash_sees_order() {
        assert_ne!(names_hash(&["a", "b"]), names_hash(&["b", "a"]));
        assert_ne!(names_hash(&["ab"]), names_hash(&["a", "b"]));
    }
}
