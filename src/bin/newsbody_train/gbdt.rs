//! A small gradient-boosted tree learner for the logistic loss, with
//! histogram splits (each feature cut into at most 64 bins at quantiles
//! of its values), grown level by level to a fixed depth. Deterministic:
//! no sampling, ties broken by feature and bin order, and the per-feature
//! work that runs in parallel is summed in a fixed order.

use rayon::prelude::*;

/// How the trees are grown.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    pub trees: usize,
    pub depth: usize,
    pub learning_rate: f32,
    /// L2 penalty on leaf values.
    pub lambda: f64,
    /// Least summed hessian (weight) a child may have.
    pub min_child: f64,
}

/// Bins per feature, at most.
const MAX_BINS: usize = 64;

/// The training rows, binned.
pub struct Data {
    pub rows: usize,
    /// Per feature, the cut values: bin b holds values in
    /// `[cuts[b-1], cuts[b])`.
    pub cuts: Vec<Vec<f32>>,
    /// Feature-major bin numbers: `bins[f * rows + i]`.
    bins: Vec<u8>,
    /// Target: 1 for boilerplate, 0 for body (shares in between).
    pub y: Vec<f32>,
    pub w: Vec<f32>,
}

impl Data {
    /// Bins `x` (row-major, `features` values per row).
    pub fn new(x: &[f32], features: usize, y: Vec<f32>, w: Vec<f32>) -> Data {
        let rows = y.len();
        assert_eq!(x.len(), rows * features);
        let cuts: Vec<Vec<f32>> = (0..features)
            .into_par_iter()
            .map(|f| cuts(x, features, f))
            .collect();
        let bins: Vec<u8> = (0..features)
            .into_par_iter()
            .flat_map_iter(|f| {
                let c = &cuts[f];
                (0..rows).map(move |i| c.partition_point(|&v| v <= x[i * features + f]) as u8)
            })
            .collect();
        Data {
            rows,
            cuts,
            bins,
            y,
            w,
        }
    }

    fn features(&self) -> usize {
        self.cuts.len()
    }

    fn bin(&self, f: usize, i: u32) -> u8 {
        self.bins[f * self.rows + i as usize]
    }
}

/// Cut values of feature `f`: its distinct values when there are few,
/// else values at evenly spaced quantiles.
fn cuts(x: &[f32], features: usize, f: usize) -> Vec<f32> {
    let mut v: Vec<f32> = x.iter().skip(f).step_by(features).copied().collect();
    v.sort_by(f32::total_cmp);
    let mut distinct = v.clone();
    distinct.dedup();
    if distinct.len() <= MAX_BINS {
        return distinct.into_iter().skip(1).collect();
    }
    let mut out: Vec<f32> = (1..MAX_BINS).map(|q| v[q * v.len() / MAX_BINS]).collect();
    out.dedup();
    // A cut at the smallest value would leave its bin empty.
    out.retain(|&c| c > v[0]);
    out
}

/// One node of a fitted tree.
#[derive(Debug, Clone)]
pub enum Node {
    Split {
        feature: usize,
        cut: f32,
        left: usize,
        right: usize,
        value: f32,
    },
    Leaf {
        value: f32,
    },
}

/// A fitted model.
pub struct Model {
    pub bias: f32,
    pub trees: Vec<Vec<Node>>,
}

impl Model {
    /// The log-odds for one row of raw features.
    pub fn log_odds(&self, x: &[f32]) -> f32 {
        let mut z = self.bias;
        for tree in &self.trees {
            let mut k = 0;
            loop {
                match &tree[k] {
                    Node::Split {
                        feature,
                        cut,
                        left,
                        right,
                        ..
                    } => k = if x[*feature] < *cut { *left } else { *right },
                    Node::Leaf { value } => {
                        z += value;
                        break;
                    }
                }
            }
        }
        z
    }
}

/// Summed gradient and hessian.
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    g: f64,
    h: f64,
}

impl Sums {
    fn add(&mut self, o: Sums) {
        self.g += o.g;
        self.h += o.h;
    }
    fn minus(self, o: Sums) -> Sums {
        Sums {
            g: self.g - o.g,
            h: self.h - o.h,
        }
    }
    fn score(self, lambda: f64) -> f64 {
        self.g * self.g / (self.h + lambda)
    }
    fn value(self, lambda: f64, rate: f32) -> f32 {
        (-self.g / (self.h + lambda)) as f32 * rate
    }
}

/// Fits the model; `log` hears one line per tenth of the trees.
pub fn fit(data: &Data, p: &Params, log: &mut dyn FnMut(String)) -> Model {
    let (sy, sw) = (data.y.iter().zip(&data.w)).fold((0f64, 0f64), |(a, b), (&y, &w)| {
        (a + f64::from(y * w), b + f64::from(w))
    });
    let mean = (sy / sw).clamp(1e-4, 1.0 - 1e-4);
    let bias = (mean / (1.0 - mean)).ln() as f32;
    let mut z = vec![bias; data.rows];
    let mut trees = Vec::with_capacity(p.trees);
    for t in 0..p.trees {
        let grad: Vec<Sums> = (0..data.rows)
            .map(|i| {
                let prob = 1.0 / (1.0 + (-z[i]).exp());
                let w = data.w[i];
                Sums {
                    g: f64::from(w * (prob - data.y[i])),
                    h: f64::from((w * prob * (1.0 - prob)).max(w * 1e-6)),
                }
            })
            .collect();
        let (tree, leaf_of) = grow(data, &grad, p);
        for (i, zi) in z.iter_mut().enumerate() {
            if let Node::Leaf { value } = tree[leaf_of[i] as usize] {
                *zi += value;
            }
        }
        trees.push(tree);
        if (t + 1) % (p.trees / 10).max(1) == 0 {
            log(format!(
                "tree {}: log-loss {:.5}",
                t + 1,
                log_loss(data, &z)
            ));
        }
    }
    Model { bias, trees }
}

fn log_loss(data: &Data, z: &[f32]) -> f64 {
    let mut sum = 0f64;
    let mut wsum = 0f64;
    for (i, &zi) in z.iter().enumerate().take(data.rows) {
        let prob = (1.0 / (1.0 + (-f64::from(zi)).exp())).clamp(1e-9, 1.0 - 1e-9);
        let y = f64::from(data.y[i]);
        let w = f64::from(data.w[i]);
        sum -= w * (y * prob.ln() + (1.0 - y) * (1.0 - prob).ln());
        wsum += w;
    }
    sum / wsum
}

/// A node being grown: its rows and their sums.
struct Open {
    node: usize,
    rows: Vec<u32>,
    sums: Sums,
    hist: Option<Vec<Vec<Sums>>>,
}

/// Grows one tree; returns it and the leaf each row ends in.
fn grow(data: &Data, grad: &[Sums], p: &Params) -> (Vec<Node>, Vec<u32>) {
    let all: Vec<u32> = (0..data.rows as u32).collect();
    let sums = total(&all, grad);
    let mut tree = vec![Node::Leaf {
        value: sums.value(p.lambda, p.learning_rate),
    }];
    let mut leaf_of = vec![0u32; data.rows];
    let mut level = vec![Open {
        node: 0,
        rows: all,
        sums,
        hist: None,
    }];
    for _ in 0..p.depth {
        let mut next = Vec::new();
        for open in level {
            let hist = open
                .hist
                .unwrap_or_else(|| histogram(data, grad, &open.rows));
            let Some((f, bin)) = best_split(&hist, open.sums, p) else {
                continue;
            };
            let (l_rows, r_rows): (Vec<u32>, Vec<u32>) =
                open.rows.iter().partition(|&&i| data.bin(f, i) < bin as u8);
            let (ls, rs) = (total(&l_rows, grad), total(&r_rows, grad));
            // The smaller child's histogram is counted; the larger one's is
            // the parent's minus it.
            let small_left = l_rows.len() <= r_rows.len();
            let small = histogram(data, grad, if small_left { &l_rows } else { &r_rows });
            let large = subtract(&hist, &small);
            let (lh, rh) = if small_left {
                (small, large)
            } else {
                (large, small)
            };
            let (left, right) = (tree.len(), tree.len() + 1);
            let value = open.sums.value(p.lambda, p.learning_rate);
            tree[open.node] = Node::Split {
                feature: f,
                cut: data.cuts[f][bin - 1],
                left,
                right,
                value,
            };
            for (rows, s, h) in [(l_rows, ls, lh), (r_rows, rs, rh)] {
                let node = tree.len();
                tree.push(Node::Leaf {
                    value: s.value(p.lambda, p.learning_rate),
                });
                for &i in &rows {
                    leaf_of[i as usize] = node as u32;
                }
                next.push(Open {
                    node,
                    rows,
                    sums: s,
                    hist: Some(h),
                });
            }
        }
        level = next;
    }
    (tree, leaf_of)
}

fn total(rows: &[u32], grad: &[Sums]) -> Sums {
    let mut s = Sums::default();
    for &i in rows {
        s.add(grad[i as usize]);
    }
    s
}

/// Per feature and bin, the sums of the rows.
fn histogram(data: &Data, grad: &[Sums], rows: &[u32]) -> Vec<Vec<Sums>> {
    (0..data.features())
        .into_par_iter()
        .map(|f| {
            let mut h = vec![Sums::default(); data.cuts[f].len() + 1];
            let bins = &data.bins[f * data.rows..(f + 1) * data.rows];
            for &i in rows {
                h[bins[i as usize] as usize].add(grad[i as usize]);
            }
            h
        })
        .collect()
}

fn subtract(parent: &[Vec<Sums>], child: &[Vec<Sums>]) -> Vec<Vec<Sums>> {
    (parent.iter().zip(child))
        .map(|(p, c)| p.iter().zip(c).map(|(a, b)| a.minus(*b)).collect())
        .collect()
}

/// The feature and bin with the best gain: rows with a lower bin go
/// left. `None` when no split gains or every split leaves a child too
/// light.
fn best_split(hist: &[Vec<Sums>], sums: Sums, p: &Params) -> Option<(usize, usize)> {
    let base = sums.score(p.lambda);
    let mut best: Option<(f64, usize, usize)> = None;
    for (f, h) in hist.iter().enumerate() {
        let mut left = Sums::default();
        for bin in 1..h.len() {
            left.add(h[bin - 1]);
            let right = sums.minus(left);
            if left.h < p.min_child || right.h < p.min_child {
                continue;
            }
            let gain = left.score(p.lambda) + right.score(p.lambda) - base;
            if gain > 1e-9 && best.is_none_or(|(g, _, _)| gain > g) {
                best = Some((gain, f, bin));
            }
        }
    }
    best.map(|(_, f, bin)| (f, bin))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_threshold() {
        let x: Vec<f32> = (0..200).map(|i| (i % 100) as f32).collect();
        let y: Vec<f32> = x.iter().map(|&v| f32::from(u8::from(v >= 60.0))).collect();
        let data = Data::new(&x, 1, y, vec![1.0; 200]);
        let p = Params {
            trees: 20,
            depth: 2,
            learning_rate: 0.5,
            lambda: 1.0,
            min_child: 0.1,
        };
        let m = fit(&data, &p, &mut |_| {});
        let Node::Split { feature, cut, .. } = &m.trees[0][0] else {
            panic!("no split");
        };
        assert_eq!(*feature, 0);
        assert!((58.0..=62.0).contains(cut), "{cut}");
    }
}
