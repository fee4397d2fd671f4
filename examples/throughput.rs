//! Cleaning time only, one thread: reads every `.html` file under the
//! folders given into memory, then cleans each page once per round and
//! prints pages/s and MB/s per round and the median. Reading files,
//! writing output and start-up are left out, as `benches/peers.py` leaves
//! them out for the tools it compares with. Beside wall time, the time
//! the thread was on a CPU (Linux's `/proc/thread-self/schedstat`), which
//! a busy machine disturbs less.
//!
//! ```sh
//! cargo run --release --example throughput -- [--rounds 3] DIR...
//! ```

use newsbody::{Cleaner, InputKind, Options};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut rounds = 3;
    if let Some(i) = args.iter().position(|a| a == "--rounds") {
        rounds = args
            .get(i + 1)
            .and_then(|r| r.parse().ok())
            .expect("--rounds N");
        args.drain(i..=i + 1);
    }
    let mut files = Vec::new();
    for dir in &args {
        collect(Path::new(dir), &mut files);
    }
    files.sort();
    let pages: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(f).expect("read"))
        .collect();
    let mb = pages.iter().map(Vec::len).sum::<usize>() as f64 / 1e6;
    println!("{} pages, {mb:.1} MB", pages.len());
    let cleaner = Cleaner::new(Options {
        input: InputKind::Html,
        ..Options::default()
    })
    .expect("built-in rules compile");
    let mut rates = Vec::new();
    for round in 1..=rounds {
        let (start, cpu_start) = (Instant::now(), cpu_seconds());
        for p in &pages {
            std::hint::black_box(cleaner.clean(p).expect("under the size limit"));
        }
        let secs = start.elapsed().as_secs_f64();
        let rate = pages.len() as f64 / secs;
        let cpu = match (cpu_start, cpu_seconds()) {
            (Some(a), Some(b)) => {
                format!(", {:.0} pages per CPU second", pages.len() as f64 / (b - a))
            }
            _ => String::new(),
        };
        println!(
            "round {round}: newsbody: {rate:.0} pages/s, {:.1} MB/s{cpu}",
            mb / secs
        );
        rates.push(rate);
    }
    rates.sort_by(f64::total_cmp);
    println!("newsbody: median {:.0} pages/s", rates[rates.len() / 2]);
}

/// The time this thread has been on a CPU, when Linux says.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// The `.html` files under `dir`, at any depth.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "html") {
            out.push(p);
        }
    }
}
