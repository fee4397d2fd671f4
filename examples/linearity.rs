//! Times cleaning each hostile input shape at two sizes and prints the
//! ratio of the times: about 4 for a 4x larger input means linear time.
//!
//! ```sh
//! cargo run --release --example linearity            # 4 MB and 16 MB
//! cargo run --release --example linearity -- 0.25 1  # 256 KB and 1 MB
//! cargo run --release --example linearity -- 4 16 headline-run
//! ```
//!
//! The shapes are the ones `tests/hostile.rs` checks for panics and hangs;
//! a ratio well above 4 points at a quadratic walk.

#[path = "../tests/hostile_inputs/mod.rs"]
mod inputs;

use newsbody::{Cleaner, InputKind, Options};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let small: f64 = args.first().and_then(|a| a.parse().ok()).unwrap_or(4.0);
    let large: f64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(16.0);
    let only = args.get(2).cloned();
    println!(
        "{:<22} {:>10} {:>10} {:>10} {:>10} {:>6}",
        "shape", "small MB", "small s", "large MB", "large s", "ratio"
    );
    for shape in inputs::SHAPES {
        if only.as_deref().is_some_and(|o| o != shape.name) {
            continue;
        }
        let cleaner = Cleaner::new(Options {
            input: if shape.html {
                InputKind::Html
            } else {
                InputKind::Text
            },
            ..Options::default()
        })
        .expect("built-in rules compile");
        let (mb_s, t_s) = time(&cleaner, shape, small);
        let (mb_l, t_l) = time(&cleaner, shape, large);
        println!(
            "{:<22} {:>10.1} {:>10.3} {:>10.1} {:>10.3} {:>6.2}",
            shape.name,
            mb_s,
            t_s,
            mb_l,
            t_l,
            t_l / t_s.max(1e-9)
        );
    }
}

/// The input's size in MB and the best of two runs, in seconds.
fn time(cleaner: &Cleaner, shape: &inputs::Shape, mb: f64) -> (f64, f64) {
    let bytes = (shape.make)((mb * 1024.0 * 1024.0) as usize);
    let mut best = f64::INFINITY;
    for _ in 0..2 {
        let t = Instant::now();
        let cleaned = cleaner.clean(&bytes).expect("under the size limit");
        best = best.min(t.elapsed().as_secs_f64());
        std::hint::black_box(cleaned);
    }
    (bytes.len() as f64 / (1024.0 * 1024.0), best)
}
